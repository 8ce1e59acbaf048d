using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Forms;

/// <summary>The fields of a form or group, in the order they were written, each with the place of its key.</summary>
/// <remarks>
/// One list, searched in order: a form has a few dozen fields and an indicator row a handful, where a dictionary
/// per set cost more memory than the values themselves (a site holds every form: 100,000 forms at national scale).
/// </remarks>
public sealed class FieldSet
{
    // An array, not a list: a site holds over a million field sets (every form and indicator row has one) for the
    // whole build, and a list is one more object each.
    private (string Key, SourceSpan KeyAt, FieldValue Value)[] entries = [];
    private int count;

    public static FieldSet Empty { get; } = new();

    public IEnumerable<string> Keys => entries.Take(count).Select(e => e.Key);

    public int Count => count;

    /// <exception cref="ArgumentException">The key is in the set already.</exception>
    public void Add(string key, SourceSpan keyAt, FieldValue value)
    {
        if (IndexOf(key) >= 0)
        {
            throw new ArgumentException($"the field '{key}' is set already", nameof(key));
        }

        if (count == entries.Length)
        {
            Array.Resize(ref entries, Math.Max(4, count * 2));
        }

        entries[count++] = (key, keyAt, value);
    }

    public FieldValue? this[string key] => IndexOf(key) is var i and >= 0 ? entries[i].Value : null;

    public SourceSpan? KeyAt(string key) => IndexOf(key) is var i and >= 0 ? entries[i].KeyAt : null;

    /// <summary>Drops the list's spare room once the set is read: it is kept for the whole build.</summary>
    public void Trim() => Array.Resize(ref entries, count);

    /// <summary>
    /// The value at a dotted path (<c>funds.total.score</c>), or null. Through a table a path reads its total row
    /// (<c>execution.executed</c>: the 合计 row's 执行数), or the row a number names (<c>execution.0.executed</c>);
    /// field keys start with a letter, so a number names no field.
    /// </summary>
    public FieldValue? At(string path)
    {
        var dot = path.IndexOf('.');
        if (dot < 0)
        {
            return this[path];
        }

        var rest = path[(dot + 1)..];
        return this[path[..dot]] switch
        {
            GroupValue group => group.Fields.At(rest),
            TableValue table => Row(table, rest),
            _ => null,
        };
    }

    private static FieldValue? Row(TableValue table, string path)
    {
        var dot = path.IndexOf('.');
        if (dot > 0 && int.TryParse(path.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return index < table.Rows.Count ? table.Rows[index].Fields.At(path[(dot + 1)..]) : null;
        }

        return table.TotalRow?.Fields.At(path);
    }

    public decimal? NumberAt(string path) => At(path) is NumberValue n ? n.Number : null;

    public string? TextAt(string path) => At(path)?.Text;

    private int IndexOf(string key)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
