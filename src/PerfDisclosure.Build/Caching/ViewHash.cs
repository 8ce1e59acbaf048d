using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// Hashes what a template is given, as the template can see it: every value reachable from its globals — strings
/// and numbers as written, maps by sorted key, lists in order, other objects by their public members, a function by
/// its method and what it captured. Two views that hash alike render alike (with the same theme and tool), so a page
/// is keyed by its view, not by a hand-kept list of the options and files it might depend on.
/// </summary>
public static class ViewHash
{
    /// <summary>Deeper than any view the theme is given; a deeper one is a cycle the reference check missed.</summary>
    private const int MaxDepth = 64;

    public static void Add(IncrementalHash hash, object? value) => new Walker(hash).Add(value, 0);

    private sealed class Walker(IncrementalHash hash)
    {
        private readonly HashSet<object> open = new(ReferenceEqualityComparer.Instance);

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

            if (!open.Add(value))
            {
                Tag('c'); // a value that holds itself: the template sees the same object again
                return;
            }

            try
            {
                Compound(value, depth + 1);
            }
            finally
            {
                open.Remove(value);
            }
        }

        private void Compound(object value, int depth)
        {
            switch (value)
            {
                case IDictionary<string, object?> map:
                    Tag('d');
                    foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                    {
                        Text('k', key);
                        Add(map[key], depth);
                    }

                    Tag('e');
                    return;
                case DynamicCustomFunction function:
                    // A function the template may call: its code (covered by the tool's version) and what it captured.
                    Text('f', $"{function.Method.DeclaringType?.FullName}.{function.Method.Name}#{function.Method.MetadataToken}");
                    Add(function is DelegateCustomFunction bound ? bound.Target : null, depth);
                    return;
                case Delegate callback:
                    Text('f', $"{callback.Method.DeclaringType?.FullName}.{callback.Method.Name}#{callback.Method.MetadataToken}");
                    Add(callback.Target, depth);
                    return;
                case IEnumerable items:
                    Tag('l');
                    foreach (var item in items)
                    {
                        Add(item, depth);
                    }

                    Tag('e');
                    return;
            }

            // Any other object: what a template can read of it (Scriban exposes public properties and fields).
            var type = value.GetType();
            Text('o', type.FullName ?? type.Name);
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance).Where(m => m is FieldInfo || (m is PropertyInfo p && p.CanRead && p.GetIndexParameters().Length == 0)).OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                Text('m', member.Name);
                Add(member is FieldInfo field ? field.GetValue(value) : ((PropertyInfo)member).GetValue(value), depth);
            }

            Tag('e');
        }

        private void Tag(char tag) => hash.AppendData([(byte)tag]);

        private void Text(char tag, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Tag(tag);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }
    }
}
