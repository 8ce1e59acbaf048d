using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Schema;
using PerfDisclosure.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Refuses a scalar holding a character that cannot be published (<see cref="PublishableText"/>), at the scalar,
/// while the file becomes nodes. Every YAML value — forms, organisations, site.yaml, page front matter, layouts —
/// passes here, written raw or as an escape (<c>"\e"</c>, <c>"\x1b"</c>, <c>"\u001B"</c>), so no reader of the
/// model has to check again and <c>check</c> and <c>build</c> refuse the same files.
/// </summary>
public sealed class YamlCharacters(string file, IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    /// <exception cref="ContentException">A scalar holds a character that cannot be published.</exception>
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        if (inner.Current is Scalar scalar && PublishableText.FirstUnpublishable(scalar.Value) is var index and >= 0)
        {
            var name = PublishableText.Name(scalar.Value[index]);
            var at = new SourceSpan(file, (int)Math.Max(1, scalar.Start.Line), (int)Math.Max(1, scalar.Start.Column));
            throw new ContentException(new Diagnostic(SchemaRules.ControlCharacter.Code, Severity.Error, at,
                $"值的第 {index + 1} 个字符 {name} 不能发布（控制字符或无效字符）",
                $"Character {index + 1} of the value, {name}, cannot be published (a control or invalid character)",
                new("删去这个字符；从 Excel 导入时 _x001B_ 会写成这个字符", "delete it; an import writes an Excel _x001B_ as this character")));
        }

        return true;
    }
}
