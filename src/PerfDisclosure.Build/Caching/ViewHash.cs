using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// Hashes what a template is given, as the template can see it: every value reachable from its globals — strings
/// and numbers as written, maps by sorted key, lists in order, other objects by their public members, a function by
/// its method and what it captured. Two views that hash alike render alike (with the same theme and tool), so a page
/// is keyed by its view, not by a hand-kept list of the options and files it might depend on.
/// What is hashed is gathered in a buffer and given to the hash a buffer at a time (not one call per value, nor the
/// whole walk at once: a listing of every form walks hundreds of megabytes at 100,000 forms); a frozen
/// (read-only, all of it) map such as the theme's strings, which every page is given, is hashed once per build and
/// stands in each page's hash as its digest.
/// </summary>
public static class ViewHash
{
    /// <summary>Deeper than any view the theme is given; a deeper one is a cycle the reference check missed.</summary>
    private const int MaxDepth = 64;

    /// <summary>The digests of frozen maps, each made once: a read-only map of read-only maps and plain values cannot change.</summary>
    private static readonly ConditionalWeakTable<ScriptObject, byte[]> Frozen = new();

    /// <summary>The members a template can read of each type, found once per type.</summary>
    private static readonly ConcurrentDictionary<Type, MemberInfo[]> Members = new();

    public static void Add(IncrementalHash hash, object? value)
    {
        var walker = new Walker(hash);
        walker.Add(value, 0);
        walker.Flush();
    }

    private static MemberInfo[] Readable(Type type) => Members.GetOrAdd(type, t =>
        [.. t.GetMembers(BindingFlags.Public | BindingFlags.Instance).Where(m => m is FieldInfo || (m is PropertyInfo p && p.CanRead && p.GetIndexParameters().Length == 0)).OrderBy(m => m.Name, StringComparer.Ordinal)]);

    private sealed class Walker(IncrementalHash hash)
    {
        private readonly ArrayBufferWriter<byte> buffer = new(1 << 14);

        // The compound values being walked, outermost first: a value met again among them holds itself. A path is
        // a few levels deep (at most MaxDepth), so a scan beats a hash set, which would make every object's hash code.
        private readonly object[] open = new object[MaxDepth + 2];
        private int depthOpen;

        /// <summary>Whether everything walked so far is frozen: plain values and read-only maps only.</summary>
        public bool Immutable { get; private set; } = true;

        /// <summary>Gives the hash what was gathered.</summary>
        public void Flush()
        {
            hash.AppendData(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
        }

        public void Add(object? value, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new InvalidOperationException($"a page's view nests over {MaxDepth} levels; it cannot be keyed for the render cache");
            }

            switch (value)
            {
                case null:
                    Tag('n');
                    return;
                case string text:
                    Text('s', text);
                    return;
                case bool or char or Enum or IFormattable when value.GetType().IsValueType:
                    Text('v', value.GetType().Name + ":" + (value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString()));
                    return;
            }

            if (Open(value))
            {
                Tag('c'); // a value that holds itself: the template sees the same object again
                return;
            }

            open[depthOpen++] = value;
            try
            {
                Compound(value, depth + 1);
            }
            finally
            {
                open[--depthOpen] = null!;
            }
        }

        private bool Open(object value)
        {
            for (var i = 0; i < depthOpen; i++)
            {
                if (ReferenceEquals(open[i], value))
                {
                    return true;
                }
            }

            return false;
        }

        private void Compound(object value, int depth)
        {
            switch (value)
            {
                case ScriptObject { IsReadOnly: true } map:
                    Digest(map, depth);
                    return;
                case IDictionary<string, object?> map:
                    Immutable = false;
                    Tag('d');
                    foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                    {
                        Text('k', key);
                        Add(map[key], depth);
                    }

                    Tag('e');
                    return;
                case DynamicCustomFunction function:
                    Immutable = false;
                    // A function the template may call: its code (covered by the tool's version) and what it captured.
                    Text('f', $"{function.Method.DeclaringType?.FullName}.{function.Method.Name}#{function.Method.MetadataToken}");
                    Add(function is DelegateCustomFunction bound ? bound.Target : null, depth);
                    return;
                case Delegate callback:
                    Immutable = false;
                    Text('f', $"{callback.Method.DeclaringType?.FullName}.{callback.Method.Name}#{callback.Method.MetadataToken}");
                    Add(callback.Target, depth);
                    return;
                case IEnumerable items:
                    Immutable = false;
                    Tag('l');
                    foreach (var item in items)
                    {
                        Add(item, depth);
                    }

                    Tag('e');
                    return;
            }

            // Any other object: what a template can read of it (Scriban exposes public properties and fields).
            Immutable = false;
            var type = value.GetType();
            Text('o', type.FullName ?? type.Name);
            foreach (var member in Readable(type))
            {
                Text('m', member.Name);
                Add(member is FieldInfo field ? field.GetValue(value) : ((PropertyInfo)member).GetValue(value), depth);
            }

            Tag('e');
        }

        /// <summary>A read-only map, as the digest of its own walk: made once when all of it is frozen.</summary>
        private void Digest(ScriptObject map, int depth)
        {
            if (!Frozen.TryGetValue(map, out var digest))
            {
                using var own = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var inner = new Walker(own);
                inner.Tag('d');
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    inner.Text('k', key);
                    inner.Add(map[key], depth);
                }

                inner.Tag('e');
                inner.Flush();
                digest = own.GetHashAndReset();
                if (inner.Immutable)
                {
                    Frozen.AddOrUpdate(map, digest);
                }
                else
                {
                    Immutable = false;
                }
            }

            Reserve(1 + digest.Length);
            Tag('h');
            buffer.Write(digest);
        }

        /// <summary>Gives the hash what was gathered when <paramref name="bytes"/> more would not fit.</summary>
        private void Reserve(int bytes)
        {
            if (buffer.FreeCapacity < bytes)
            {
                Flush();
            }
        }

        private void Tag(char tag)
        {
            Reserve(1);
            buffer.GetSpan(1)[0] = (byte)tag;
            buffer.Advance(1);
        }

        private void Text(char tag, string text)
        {
            var length = Encoding.UTF8.GetByteCount(text);
            Reserve(1 + 4 + length);
            Tag(tag);
            var span = buffer.GetSpan(4 + length);
            BinaryPrimitives.WriteInt32LittleEndian(span, length);
            Encoding.UTF8.GetBytes(text, span[4..]);
            buffer.Advance(4 + length);
        }
    }
}
