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
    /// <exception cref="SourceDateException">The variable is set but is not a whole number of seconds.</exception>
    public static DateTimeOffset? FromEnvironment() => Parse(Environment.GetEnvironmentVariable(Variable));

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new SourceDateException(
                $"环境变量 {Variable} 应为自 1970-01-01 UTC 起的秒数（例如 {Variable}=$(git log -1 --format=%ct)），现在是“{value}”；请改正或删除它",
                $"{Variable} must be seconds since 1970-01-01 UTC, not '{value}'");
    }
}

/// <summary>A <c>SOURCE_DATE_EPOCH</c> that is not a number of seconds: the user's to correct, in both languages.</summary>
public sealed class SourceDateException(string messageZh, string message) : FormatException(message), Core.Diagnostics.IBilingualException
{
    public string MessageZh { get; } = messageZh;

    public string MessageEn => Message;
}
