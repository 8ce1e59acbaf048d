using System.Text.RegularExpressions;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Core.Tests.Contract;

/// <summary>
/// Data, not code (issue 15): no C# file under src/ names a seed layout, a form field key of a seed layout, or a
/// Chinese word a reader sees. The seeds are read from templates/layouts/forms/*.yaml, so a new seed is guarded too.
/// What may stay is said once, below, with its reason: the messages of diagnostics (zh written next to its en twin,
/// or a rule's title and citizen note), a rule's documentation example (run against the seed theme by RuleDocsTests),
/// and the few files whose Chinese is input vocabulary or authoring help rather than reader text.
/// </summary>
public partial class LayoutContractGuardTests
{
    private static readonly string Src = Path.Combine(Repo.Root, "src");

    private static readonly string[] SeedLayouts = [.. Directory.EnumerateFiles(Path.Combine(Repo.Root, "templates", "layouts", "forms"), "*.yaml")];

    /// <summary>Files whose Chinese literals are not reader text, each with why.</summary>
    private static readonly Dictionary<string, string> ChineseFiles = new(StringComparer.Ordinal)
    {
        ["PerfDisclosure.Core/Values/ValueGrammar.cs"] = "the value grammar's input vocabulary (大于等于, 不低于, 个工作日 …): words read from forms, never printed",
        ["PerfDisclosure.Core/Values/Comparator.cs"] = "the comparator words of the value grammar, the same vocabulary",
        ["PerfDisclosure.Core/Values/ParsedValue.cs"] = "the normal form of the grammar's 不适用 and 涉密 values, compared when checking",
        ["PerfDisclosure.Core/Layouts/LayoutFile.cs"] = "the layout file's own schema: descriptions for editors and the amount units 元/万元 it converts between",
        ["PerfDisclosure.Core/Layouts/FieldDefinition.cs"] = "punctuation a label may differ by when an importer matches it",
        ["PerfDisclosure.Core/Scoring/ScoringFile.cs"] = "the scoring file's own schema: descriptions for editors",
        ["PerfDisclosure.Core/Frameworks/FrameworkFile.cs"] = "the framework file's own schema: descriptions for editors",
        ["PerfDisclosure.Core/Layouts/ImportFile.cs"] = "the import patterns file's own schema: descriptions for editors, with a printed title as example",
        ["PerfDisclosure.Build/Authoring/LayoutSchema.cs"] = "descriptions in the JSON Schema for editors of content files",
        ["PerfDisclosure.Build/Importing/PdfCellText.cs"] = "the punctuation that may not start or end a line, when joining wrapped PDF lines",
        ["PerfDisclosure.Build/Importing/ImportRun.cs"] = "the import command's console summary, in the language of --lang",
        ["PerfDisclosure.Build/Importing/ImportWriter.cs"] = "the comment import writes at the top of an organisation file it creates, for its author",
        ["PerfDisclosure.Cli/NewCommand.cs"] = "command-line help",
        ["PerfDisclosure.Core/Validation/RuleDocs.cs"] = "the generated docs/validation-codes.md, for authors",
        ["PerfDisclosure.Core/Diagnostics/OriginalText.cs"] = "frames another program's English words inside a Chinese diagnostic message (（原文：“…”）)",
        ["PerfDisclosure.Build/Reporting/DiagnosticWriter.cs"] = "puts a finding's fix after its message in the brackets Chinese writes them in (消息（建议）)",
        ["PerfDisclosure.Build/Reporting/SystemFailure.cs"] = "says in Chinese what a failure of the machine is and what to do, before the system's English words; their English twin is those words",
        ["PerfDisclosure.Core/Validation/Rules/Funds/CostTargetAboveFunds.cs"] = "the money units (元, 万元, 亿元) a cost target is written in: input vocabulary",
    };

    /// <summary>Single Chinese words of logic in a file that otherwise has none, each with why.</summary>
    private static readonly Dictionary<(string File, string Literal), string> ChineseWords = new()
    {
        [("PerfDisclosure.Core/Validation/Rules/Values/ActualMissesTarget.cs", "百分比")] = "a unit word of the value grammar, read as %",
        [("PerfDisclosure.Core/Validation/Rules/AcrossFiles/YearDisagreesWithDates.cs", "时效")] = "the 时效指标 family of the Ministry's framework, whose values name years",
    };

    /// <summary>Literals that spell a seed's field key but name something of the tool's own, each with why.</summary>
    private static readonly Dictionary<(string File, string Literal), string> KeyLiterals = new()
    {
        [("PerfDisclosure.Core/Scoring/ScoringFile.cs", "total_weight")] = "the scoring file's own key: what the weights of a form add up to",
        [("PerfDisclosure.Build/Loading/ValidationDataReader.cs", "total_weight")] = "reads that key of the scoring file",
        [("PerfDisclosure.Core/Layouts/LayoutFile.cs", "total")] = "the layout file's checks.sums[].total key",
        [("PerfDisclosure.Build/Loading/LayoutReader.cs", "total")] = "reads that key of the layout file",
        [("PerfDisclosure.Build/Loading/LayoutReferences.cs", "total")] = "checks that key of the layout file",
        [("PerfDisclosure.Build/Loading/ValidationDataReader.cs", "weight")] = "the named group of a framework's weight_in_label pattern",
        [("PerfDisclosure.Core/Frameworks/IndicatorFramework.cs", "weight")] = "reads that named group",
        [("PerfDisclosure.Build/Feeds/AtomFeedStage.cs", "score")] = "the {score} placeholder of the theme's feed.summary string",
    };

    /// <summary>Names the tool itself gives (template variables, JSON and CSV columns) that happen to be a seed key.</summary>
    private static readonly Dictionary<string, string> ToolNames = new(StringComparer.Ordinal)
    {
        ["project_name"] = "the form's title as every layout has it (role project-name): form.project_name, forms.csv, form.json",
        ["total"] = "the total amount a listing template shows (year.total, organisation.total)",
        ["kind"] = "the layout kind written to form.json and forms.csv",
    };

    [Fact]
    public void The_guard_reads_the_seeds_and_the_sources()
    {
        Assert.True(SeedLayouts.Length >= 4, string.Join(", ", SeedLayouts));
        Assert.Contains("shanghai-target-2026", SeedIds());
        Assert.Contains("total_score", SeedKeys());
        Assert.True(Sources().Count() > 100);
    }

    [Fact]
    public void No_source_file_names_a_seed_layout()
    {
        var ids = SeedIds();
        var found = Literals().Where(l => !l.InRuleExample && ids.Contains(l.Value)).Select(l => l.ToString());
        None(found);
    }

    [Fact]
    public void No_source_file_names_a_field_key_of_a_seed_layout()
    {
        var keys = SeedKeys();
        var found = Literals()
            .Where(l => !l.InRuleExample && keys.Contains(l.Value) && !ToolNames.ContainsKey(l.Value) && !KeyLiterals.ContainsKey((l.File, l.Value)))
            .Select(l => l.ToString());
        None(found);
    }

    [Fact]
    public void No_source_file_writes_a_Chinese_word_a_reader_sees()
    {
        var found = Literals()
            .Where(l => Chinese().IsMatch(l.Text) && !ChineseFiles.ContainsKey(l.File) && !ChineseWords.ContainsKey((l.File, l.Value)) && !l.InRuleExample && !l.IsMessage)
            .Select(l => l.ToString());
        None(found);
    }

    [Theory]
    [InlineData("Report(at, \"金额不符\", \"The amounts differ\");", true)]
    [InlineData("Report(at, $\"{label} 不等于 {string.Join(\"、\", parts)}\", $\"{label} is not {parts}\", fix);", true)]
    [InlineData("var (zh, en) = ok ? (\"：已说明\", \": explained\") : (\"：请说明\", \": explain\");", true)]
    [InlineData("public override string Title => \"资金总额与分项之和不符\";", true)]
    [InlineData("row[\"label\"] = \"首页\";", false)]
    [InlineData("string.Join(\"、\", names)", false)]
    [InlineData("Link(\"绩效目标\", url)", false)]
    [InlineData("new Redaction(Text(\"marker\") ?? \"涉密\", Texts(\"fields\"));", false)]
    public void A_Chinese_literal_is_a_message_only_beside_its_English_twin(string code, bool message)
    {
        var literal = Classify("Example.cs", code).First(l => Chinese().IsMatch(l.Text));
        Assert.Equal(message, literal.IsMessage);
    }

    [Fact]
    public void A_rule_example_is_recognised_by_its_seed_layout()
    {
        var code = "public override RuleExample Example => new(\n  \"shanghai-target-2026\",\n  \"level1: 产出指标\\n\",\n  \"level1: 效益指标\\n\");\nvar x = \"shanghai-target-2026\";";
        var literals = Classify("Example.cs", code).ToList();
        Assert.True(literals[0].InRuleExample && literals[1].InRuleExample && literals[2].InRuleExample);
        Assert.False(literals[3].InRuleExample);
    }

    private static void None(IEnumerable<string> found)
    {
        var list = found.ToList();
        Assert.True(list.Count == 0, "\n" + string.Join("\n", list));
    }

    private static HashSet<string> SeedIds() =>
        [.. SeedLayouts.Select(f => IdLine().Match(File.ReadAllText(f))).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    private static HashSet<string> SeedKeys() =>
        [.. SeedLayouts.SelectMany(f => KeyEntry().Matches(File.ReadAllText(f))).Select(m => m.Groups[1].Value)];

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static IEnumerable<Literal> Literals() =>
        Sources().SelectMany(f => Classify(Path.GetRelativePath(Src, f).Replace('\\', '/'), File.ReadAllText(f)));

    /// <summary>Each literal of a file, with whether it is a diagnostic's message or part of a rule's example.</summary>
    private static IEnumerable<Literal> Classify(string file, string code)
    {
        var tokens = SourceTokens.Read(code);
        var seeds = SeedIds();
        for (var k = 0; k < tokens.Count; k++)
        {
            if (!tokens[k].IsLiteral)
            {
                continue;
            }

            var open = Opening(tokens, k);
            var inExample = open >= 0 && open + 1 < tokens.Count && tokens[open + 1].IsLiteral && seeds.Contains(Value(tokens[open + 1].Text));
            var definition = k > 0 && !tokens[k - 1].IsLiteral && RuleMember().IsMatch(tokens[k - 1].Text);
            var pattern = open > 0 && tokens[open - 1].Text.EndsWith("GeneratedRegex", StringComparison.Ordinal);
            var english = English(tokens[k].Text);
            var message = definition || pattern || english || NamedZh(tokens, k) || HasEnglishTwin(tokens, k);
            yield return new Literal(file, tokens[k].Line, tokens[k].Text, Value(tokens[k].Text), inExample, message);
        }
    }

    /// <summary>A piece of a message kept apart: the statement declares or assigns a name ending in Zh (<c>var whereZh = …</c>).</summary>
    private static bool NamedZh(List<SourceToken> tokens, int k)
    {
        for (var i = k - 1; i >= 0; i--)
        {
            if (tokens[i].IsLiteral)
            {
                continue;
            }

            if (tokens[i].Text is ";" or "{" or "}")
            {
                return false;
            }

            if (ZhName().IsMatch(tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the bracket that encloses token <paramref name="k"/>, or -1.</summary>
    private static int Opening(List<SourceToken> tokens, int k)
    {
        var depth = 0;
        for (var i = k - 1; i >= 0; i--)
        {
            if (tokens[i].IsLiteral)
            {
                continue;
            }

            depth += tokens[i].Text is ")" or "]" or "}" ? 1 : tokens[i].Text is "(" or "[" or "{" ? -1 : 0;
            if (depth < 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The message convention of the whole code base: a diagnostic's text is written in Chinese and then in English,
    /// as neighbouring arguments. A Chinese literal whose next argument holds English literals only is a message.
    /// </summary>
    private static bool HasEnglishTwin(List<SourceToken> tokens, int k)
    {
        var depth = 0;
        var i = k + 1;
        for (; i < tokens.Count; i++)
        {
            var t = tokens[i].IsLiteral ? string.Empty : tokens[i].Text;
            if (t is "(" or "[" or "{")
            {
                depth++;
            }
            else if (t is ")" or "]" or "}" or ";")
            {
                if (t == ";" || (--depth < 0 && !Grouping(tokens, i)))
                {
                    return false;
                }

                depth = Math.Max(depth, 0);
            }
            else if (t == "," && depth == 0)
            {
                break;
            }
        }

        var next = new List<SourceToken>();
        depth = 0;
        for (i++; i < tokens.Count; i++)
        {
            var t = tokens[i].IsLiteral ? string.Empty : tokens[i].Text;
            if ((t is "," or ";" && depth == 0) || (t is ")" or "]" or "}" && --depth < 0))
            {
                break;
            }

            depth += t is "(" or "[" or "{" ? 1 : 0;
            if (tokens[i].IsLiteral && depth == 0)
            {
                next.Add(tokens[i]);
            }
        }

        return next.Count > 0 && next.All(n => !Chinese().IsMatch(n.Text) || English(n.Text)) && next.Any(n => Latin().IsMatch(Value(n.Text)));
    }

    /// <summary>Whether the closing bracket at <paramref name="close"/> ends a parenthesised expression, not a call's arguments.</summary>
    private static bool Grouping(List<SourceToken> tokens, int close)
    {
        var open = Opening(tokens, close);
        return tokens[close].Text == ")" && open > 0 && !tokens[open - 1].IsLiteral && !char.IsLetterOrDigit(tokens[open - 1].Text[^1]) && tokens[open - 1].Text[^1] != '>';
    }

    /// <summary>An English sentence that quotes a Chinese term (the en twin of a message, a fix, a description): outside the holes of an interpolation, more letters than Chinese characters, and words.</summary>
    private static bool English(string literal)
    {
        var text = Hole().Replace(Value(literal), string.Empty);
        return text.Contains(' ', StringComparison.Ordinal) && text.Count(char.IsAsciiLetter) > Chinese().Count(text);
    }

    private static string Value(string literal) => literal.TrimStart('$', '@').Trim('"');

    private sealed record Literal(string File, int Line, string Text, string Value, bool InRuleExample, bool IsMessage)
    {
        public override string ToString() => $"src/{File}:{Line}: {Text}";
    }

    [GeneratedRegex(@"^id:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex IdLine();

    [GeneratedRegex(@"\bkey:\s*([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex KeyEntry();

    [GeneratedRegex(@"\b(Title|CitizenNote)\s*=>$")]
    private static partial Regex RuleMember();

    [GeneratedRegex(@"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"\{[^{}""]*\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"\b\w+Zh\b")]
    private static partial Regex ZhName();

    [GeneratedRegex("[A-Za-z]{2}")]
    private static partial Regex Latin();
}
