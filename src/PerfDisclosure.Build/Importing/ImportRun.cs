using PerfDisclosure.Build.Reporting;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Import;

namespace PerfDisclosure.Build.Importing;

/// <summary>How <c>import</c> runs: where it writes, and what it may do beyond writing complete forms.</summary>
/// <param name="Partial">Write the complete forms even when others have errors (which are reported, and not written).</param>
/// <param name="CreateOrganisations">Create an organisation file for a printed name not found (else report it, with the file suggested).</param>
public sealed record ImportOptions(string ContentDir, string? TemplatesDir, int? Year, bool Partial = false, bool DryRun = false, bool CreateOrganisations = true);

/// <summary>What one source gave: its forms and what became of them.</summary>
/// <param name="Placed">The non-empty cells read into a form (<see cref="ImportedForm.Placed"/>): with the cells not placed and the headings above the first form, every non-empty cell of the source.</param>
public sealed record ImportFileSummary(string File, int Forms, int Added, int Updated, int Unchanged, int NotPlaced, int Assumptions, int FormulaText = 0, int Placed = 0);

/// <summary>What a run found and did: every finding (at its cell, with its code), the plan, and whether it was written.</summary>
public sealed record ImportRunResult(IReadOnlyList<Diagnostic> Findings, IReadOnlyList<PlannedFile> Plan, bool Written, IReadOnlyList<ImportFileSummary> Files, int CompleteForms)
{
    public bool HasErrors => Findings.Any(d => d.IsError);

    /// <summary>One line per finding, as <c>check</c> prints them, in the language asked for (<see cref="SourcePlace"/> places).</summary>
    public IEnumerable<string> Lines(string language) => Findings.Select(d => ImportRun.Line(d, language));

    /// <summary>The summary: one line per source, then what was written and, when nothing was, why and what to do.</summary>
    public IEnumerable<string> Summary(string language)
    {
        var en = Core.Diagnostics.MessageLanguage.IsEnglish(language);
        foreach (var f in Files)
        {
            yield return en
                ? $"{f.File}: {f.Forms} form(s), {f.Added} written, {f.Updated} updated, {f.Unchanged} unchanged, {f.NotPlaced} cell(s) not placed, {f.Assumptions} assumption(s) to check, {f.Placed} cell(s) placed{(f.FormulaText > 0 ? $", {f.FormulaText} formula-looking text cell(s) kept as text" : string.Empty)}"
                : $"{f.File}：表单 {f.Forms} 张，新写 {f.Added}，更新 {f.Updated}，未变 {f.Unchanged}，未放入的单元格 {f.NotPlaced} 个，需核对的假定 {f.Assumptions} 处，放入的单元格 {f.Placed} 个{(f.FormulaText > 0 ? $"，形似公式的文字 {f.FormulaText} 个（按文字保留）" : string.Empty)}";
        }

        foreach (var file in Plan.Where(p => Written && p.Outcome != ImportOutcome.Unchanged))
        {
            yield return $"  {(file.Outcome == ImportOutcome.Added ? "+" : "~")} {ContentPathOf(file.Path)}";
        }

        var errors = Findings.Count(d => d.IsError);
        var forms = Files.Sum(f => f.Forms);
        if (forms == 0)
        {
            yield return en
                ? "nothing written: no form was found (see PD1013 above): check that the file holds a form whose title a layout declares (templates/import/<layout>.yaml, titles:)"
                : "未写入任何文件：没有找到表单（见上方 PD1013）：请确认文件中有布局声明过标题的表单（templates/import/<layout>.yaml 的 titles:）";
        }
        else if (!Written && errors > 0 && Plan.Count > 0 && Findings.Any(d => d.IsError))
        {
            yield return en
                ? $"nothing written: {errors} error(s) above; fix them and import again, or use --partial to write the {CompleteForms} complete form(s) only"
                : $"未写入任何文件：上方有 {errors} 处错误；改正后再导入，或用 --partial 只写入完整的 {CompleteForms} 张表单";
        }
        else if (!Written && errors > 0)
        {
            yield return en
                ? $"nothing written: {errors} error(s) above and no form is complete; fix them and import again"
                : $"未写入任何文件：上方有 {errors} 处错误，没有完整的表单；改正后再导入";
        }
        else if (!Written)
        {
            yield return en ? "--dry-run: nothing written" : "--dry-run：未写入任何文件";
        }
    }

    private static string ContentPathOf(string path) => Loading.ContentLoader.DisplayPath(path);
}

/// <summary>
/// <c>perfdisclosure import</c> from start to end: every source is read and placed, and the files planned, before
/// anything is written; then all is written at once, or nothing when any form has an error (unless
/// <see cref="ImportOptions.Partial"/>).
/// </summary>
public static class ImportRun
{
    /// <exception cref="SourceFileException">A source cannot be read: nothing was imported.</exception>
    public static ImportRunResult Run(IReadOnlyList<string> sources, ImportOptions options)
    {
        var settings = ImportSettings.Load(options.ContentDir, options.TemplatesDir, options.Year) with { CreateOrganisations = options.CreateOrganisations };
        var imports = sources.Select(file => (File: file, Result: FormImport.Read(file, settings))).ToList();
        var plan = ImportWriter.Plan([.. imports.Select(i => (i.Result, Path.GetFileName(i.File)))], options.ContentDir, settings);

        var findings = new List<Diagnostic>();
        var summaries = new List<ImportFileSummary>();
        for (var s = 0; s < imports.Count; s++)
        {
            var (file, result) = imports[s];
            var display = Loading.ContentLoader.DisplayPath(file);
            var problems = result.Unplaced.Concat(result.Forms.SelectMany(f => f.Problems)).Distinct().ToList();
            findings.AddRange(problems.Select(p => p.ToDiagnostic()).Concat(result.Notes.Select(n => n.ToDiagnostic())).OrderBy(d => d.Where.Line).ThenBy(d => d.Where.Column));
            if (result.Forms.Count == 0)
            {
                findings.Add(ImportRules.NoForm.Report(new SourceSpan(display, 0, 0), "没有找到任何布局的表单标题，未导入表单", "no layout's form title was found, so no form was imported", new("在 templates/import/<layout>.yaml 的 titles 中写上表单标题", "add the form's title to titles in templates/import/<layout>.yaml")));
            }

            var mine = plan.Where(p => p.Source == s).ToList();
            summaries.Add(new ImportFileSummary(
                display,
                result.Forms.Count,
                mine.Count(p => p.Outcome == ImportOutcome.Added),
                mine.Count(p => p.Outcome == ImportOutcome.Updated),
                mine.Count(p => p.Outcome == ImportOutcome.Unchanged),
                problems.Count,
                result.Notes.Count(n => n.Rule == ImportRules.Assumed),
                result.Notes.Count(n => n.Rule == ImportRules.FormulaText),
                result.Forms.Sum(f => f.Placed)));
        }

        // Organisations made for the written forms are findings too (PD1006 at the cell), so the plan's organisation files are named there.
        var complete = plan.Count(p => p.Form is not null);
        var write = !options.DryRun && (options.Partial || !findings.Any(d => d.IsError));
        var formsPlan = plan.Where(p => p.Form is null || p.Form.Problems.Count == 0).ToList();
        if (write)
        {
            ImportWriter.Commit(formsPlan);
        }

        return new ImportRunResult(findings, formsPlan, write, summaries, complete);
    }

    /// <summary><c>place: severity CODE: message</c>, one line, nothing in it a terminal would act on.</summary>
    public static string Line(Diagnostic d, string language) =>
        TerminalText.Escape($"{SourcePlace.Of(d.Where.File, d.Where.Line, d.Where.Column)}: {DiagnosticWriter.Severity(d.Severity)} {d.Code}: {DiagnosticWriter.WithFix(d, language)}");

    /// <summary>A source that cannot be read, as one line with its code.</summary>
    public static string Unreadable(SourceFileException e, string language) =>
        Core.Diagnostics.MessageLanguage.IsEnglish(language)
            ? TerminalText.Escape($"error {e.Rule.Code}: {OneLine(e.Message)}")
            : TerminalText.Escape($"error {e.Rule.Code}: {(e.Rule == ImportRules.Unreadable ? "文件无法读取，未导入任何内容" : e.Rule.Title)}{(e.MessageZh is { } zh ? "：" + OneLine(zh) : OriginalText.InChinese(e.Message))}");

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
