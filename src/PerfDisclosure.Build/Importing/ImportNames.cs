using System.Security.Cryptography;
using System.Text;
using PerfDisclosure.Core.Identifiers;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// The names import gives the files it writes, stable from one run to the next so a second import finds the same
/// file (docs/authoring.md, "File names"):
/// <list type="bullet">
/// <item>a form: its project code when the form prints one that is a valid slug (digits, lower-case letters, '-');
/// else the Latin letters and digits of its project name, lower-cased and joined by '-', followed by the first 8 hex
/// digits of the SHA-256 of the name as printed (no pinyin library is served; Han characters cannot be in a slug,
/// PD0701): 2024年IT设备采购 → <c>2024-it-3f2a9c1d</c>, 办公设备采购 → <c>xm-8b1e2f0a</c> (项目, project).</item>
/// <item>an organisation made for a name not found: <c>org-</c> and the same 8 hex digits of its name.</item>
/// </list>
/// </summary>
public static class ImportNames
{
    public static string FormSlug(string? code, string? projectName)
    {
        if (code is { Length: > 0 } && IdentifierRules.Check(code) is null)
        {
            return code;
        }

        var name = (projectName ?? string.Empty).Trim();
        var latin = Latin(name);
        return (latin.Length > 0 ? latin : "xm") + "-" + Hash(name);
    }

    public static string OrganisationId(string name) => "org-" + Hash(name.Trim());

    private static string Latin(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name.ToLowerInvariant().Append(' '))
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        var joined = string.Join('-', words);
        return joined.Length > 40 ? joined[..40].TrimEnd('-') : joined;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Labels.Normalise(text))))[..8];
}
