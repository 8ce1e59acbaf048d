namespace PerfDisclosure.Core.Frameworks;

/// <summary>
/// 指标体系: the level-1 and level-2 indicator names a layout's forms may use, read from
/// <c>templates/frameworks/&lt;id&gt;.yaml</c> so each jurisdiction's framework is data.
/// </summary>
/// <param name="Markers">Prefixes some forms print before a level-2 name (Shenzhen marks core indicators with * or +); ignored when comparing.</param>
/// <param name="Levels">Each level-1 name with its level-2 names.</param>
/// <param name="Hints">Words in a level-3 name that place it under particular level-2 names.</param>
/// <param name="Skeleton">The level-1 names a new form starts with, in the order the forms print them (<c>perfdisclosure new</c>).</param>
/// <param name="WeightInLabel">
/// How some forms print a level's weight inside its name (产出指标(50分), 效益指标（30分）): a pattern matching the end of
/// the name, with a group <c>weight</c>; what it matches is a marker, ignored when comparing, like <paramref name="Markers"/>.
/// </param>
public sealed record IndicatorFramework(
    string Id,
    IReadOnlyList<string> Markers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Levels,
    IReadOnlyList<WordingHint> Hints,
    IReadOnlyList<string>? Skeleton = null,
    System.Text.RegularExpressions.Regex? WeightInLabel = null)
{
    /// <summary>The framework's name as staff know it (its <c>title:</c>), else its id.</summary>
    public string? Title { get; init; }

    public string DisplayName => Title ?? Id;

    /// <summary>
    /// The 一级/二级 rows of a new form: each level-1 name of <see cref="Skeleton"/> with its level-2 names. A name the
    /// framework accepts at both levels (成本指标) appears once: as a level-1 row when the skeleton lists it, else as a level-2.
    /// </summary>
    public IEnumerable<(string Level1, string Level2)> SkeletonRows() =>
        (Skeleton ?? []).SelectMany(level1 => Levels.GetValueOrDefault(level1, []).Where(level2 => !Skeleton!.Contains(level2)).Select(level2 => (level1, level2)));

    /// <summary>The name without the form's markers: a prefix (*, +) and a weight printed inside it.</summary>
    public string Plain(string name)
    {
        var plain = name.Trim();
        if (WeightInLabel?.Match(plain) is { Success: true } weight && weight.Index > 0)
        {
            plain = plain[..weight.Index].TrimEnd();
        }

        foreach (var marker in Markers)
        {
            if (plain.StartsWith(marker, StringComparison.Ordinal))
            {
                return plain[marker.Length..].Trim();
            }
        }

        return plain;
    }

    /// <summary>The weight a name prints inside it (产出指标(50分) → 50), or null.</summary>
    public decimal? WeightIn(string name) =>
        WeightInLabel?.Match(name.Trim()) is { Success: true } match
        && decimal.TryParse(match.Groups["weight"].Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var weight)
            ? weight : null;

    public IEnumerable<string> AllLevel2 => Levels.Values.SelectMany(l => l).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// How a level-3 name's wording contradicts the level-2 name it is filed under: the first word of the hints it
    /// matches and the level-2 names those hints allow; null when it matches none, or one that allows this level-2.
    /// </summary>
    public (string Word, IReadOnlyList<string> Level2)? Contradiction(string level2, string level3)
    {
        // Called for every indicator row of every form: most rows match no hint, and then nothing is allocated.
        List<(WordingHint Hint, string Word)>? matched = null;
        for (var i = 0; i < Hints.Count; i++)
        {
            if (Hints[i].MatchIn(level3) is { } word)
            {
                (matched ??= []).Add((Hints[i], word));
            }
        }

        var name = matched is null ? null : Plain(level2);
        if (matched is null || matched.Exists(m => m.Hint.Level2.Contains(name!)))
        {
            return null;
        }

        return (matched[0].Word, [.. matched.SelectMany(m => m.Hint.Level2).Distinct(StringComparer.Ordinal)]);
    }
}

/// <summary>A level-3 name containing any of <paramref name="Words"/> belongs under one of <paramref name="Level2"/>.</summary>
public sealed record WordingHint(IReadOnlyList<string> Words, IReadOnlyList<string> Level2)
{
    public string? MatchIn(string level3)
    {
        for (var i = 0; i < Words.Count; i++)
        {
            if (level3.Contains(Words[i], StringComparison.Ordinal))
            {
                return Words[i];
            }
        }

        return null;
    }
}
