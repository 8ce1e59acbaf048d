using System.Globalization;

namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// The only clock an output may print (feeds, sitemaps, "generated" notes): <c>SOURCE_DATE_EPOCH</c>
/// (reproducible-builds.org), so two builds of the same commit are byte-identical. Without it, outputs print no
/// build time at all and take dates from the content.
/// </summary>
public static class SourceDate
{
    public const string Variable = "SOURCE_DATE_EPOCH";

    /// <summary>The build time from <c>SOURCE_DATE_EPOCH</c>, or null when it is not set.</summary>
    /// <exception cref="FormatException">The variable is set but is not a whole number of seconds.</exception>
    public static DateTimeOffset? FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new FormatException($"{Variable} must be seconds since 1970-01-01 UTC, not '{value}'");
    }
}
