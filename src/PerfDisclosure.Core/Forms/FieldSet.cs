using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Forms;

/// <summary>The fields of a form or group, in the order they were written, each with the place of its key.</summary>
public sealed class FieldSet
{
    private readonly Dictionary<string, FieldValue> values = new(StringComparer.Ordinal);
    private readonly List<(string Key, SourceSpan KeyAt)> order = [];

    public static FieldSet Empty { get; } = new();

    public IEnumerable<string> Keys => order.Select(o => o.Key);

    public int Count => order.Count;

    public void Add(string key, SourceSpan keyAt, FieldValue value)
    {
        values.Add(key, value);
        order.Add((key, keyAt));
    }

    public FieldValue? this[string key] => values.GetValueOrDefault(key);

    public SourceSpan? KeyAt(string key) => order.Find(o => o.Key == key) is { Key: not null } found ? found.KeyAt : null;

    /// <summary>The value at a dotted path (<c>funds.total.score</c>), or null.</summary>
    public FieldValue? At(string path)
    {
        var dot = path.IndexOf('.');
        if (dot < 0)
        {
            return this[path];
        }

        return this[path[..dot]] is GroupValue group ? group.Fields.At(path[(dot + 1)..]) : null;
    }

    public decimal? NumberAt(string path) => At(path) is NumberValue n ? n.Number : null;

    public string? TextAt(string path) => At(path)?.Text;
}
