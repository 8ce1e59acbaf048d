using System.Collections.Concurrent;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Templates;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using ScribanSpan = Scriban.Parsing.SourceSpan;
using SourceSpan = PerfDisclosure.Core.Diagnostics.SourceSpan;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// Renders theme templates with Scriban. Each template, included partials too, is parsed once per build; each
/// thread reuses one context.
/// </summary>
public sealed class TemplateEngine : ITemplateLoader
{
    private readonly ThemeFiles theme;
    private readonly bool strict;
    private readonly ConcurrentDictionary<string, Template> parsed = new(StringComparer.Ordinal);

    // Partials by include path. A context's own cache is emptied by its Reset after every page, which made every
    // page parse its partials again (measured: ~40 % of rendering); parsed templates are immutable and shared.
    private readonly ConcurrentDictionary<string, Template> included = new(StringComparer.Ordinal);
    private readonly ThreadLocal<TemplateContext> contexts;

    public TemplateEngine(ThemeFiles theme, bool strict)
    {
        this.theme = theme;
        this.strict = strict;
        contexts = new ThreadLocal<TemplateContext>(NewContext);
    }

    public bool Exists(string name) => theme.Find(name) is not null;

    /// <summary>Renders the template <paramref name="name"/> with <paramref name="model"/> as its globals.</summary>
    /// <param name="subject">What is being rendered (a form id or page path), named in errors.</param>
    public string Render(string name, ScriptObject model, string subject)
    {
        var template = Parse(name, subject);
        var context = contexts.Value!;
        foreach (var (path, partial) in included)
        {
            context.CachedTemplates.TryAdd(path, partial);
        }

        context.PushGlobal(model);
        try
        {
            var html = template.Render(context);
            foreach (var (path, partial) in context.CachedTemplates)
            {
                included.TryAdd(path, partial);
            }

            return html;
        }
        catch (ScriptRuntimeException e) when (e.InnerException is TemplateError inner)
        {
            throw inner;
        }
        catch (ScriptParserRuntimeException e) when (e.ParserMessages.FirstOrDefault(m => m.Type == ParserMessageType.Error) is { } first)
        {
            // An included template that does not parse (a layout's own form template, a partial): its own line and column.
            throw new TemplateError(Error(first.Span, first.Message, subject));
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateError(Error(e.Span, e.OriginalMessage, subject));
        }
        finally
        {
            context.PopGlobal();
            context.Reset();
        }
    }

    string ITemplateLoader.GetPath(TemplateContext context, ScribanSpan callerSpan, string templateName) =>
        templateName.Contains('/', StringComparison.Ordinal) ? templateName : $"partials/{templateName}.sbn-html";

    string ITemplateLoader.Load(TemplateContext context, ScribanSpan callerSpan, string templatePath) =>
        (theme.Find(templatePath) ?? throw new TemplateError(NotFound(templatePath))).ReadText();

    ValueTask<string?> ITemplateLoader.LoadAsync(TemplateContext context, ScribanSpan callerSpan, string templatePath) =>
        ValueTask.FromResult<string?>(((ITemplateLoader)this).Load(context, callerSpan, templatePath));

    private Template Parse(string name, string subject) => parsed.GetOrAdd(name, n =>
    {
        var file = theme.Find(n) ?? throw new TemplateError(NotFound(n));
        var template = Template.Parse(file.ReadText(), file.DisplayPath);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new TemplateError(Error(first.Span, first.Message, subject));
        }

        return template;
    });

    private static Diagnostic NotFound(string name) =>
        TemplateRules.TemplateNotFound.Report(SourceSpan.FileOnly("templates/" + name), $"找不到模板 {name}", $"Template not found: {name}");

    private TemplateContext NewContext()
    {
        var context = new TemplateContext
        {
            TemplateLoader = this,
            StrictVariables = strict,
            EnableRelaxedMemberAccess = !strict,
            LoopLimit = 100_000,
            RecursiveLimit = 50,
        };
        return context;
    }

    private Diagnostic Error(ScribanSpan span, string message, string subject)
    {
        // An included partial's span names it by its theme name; report the file it came from.
        var file = span.FileName is { } name ? theme.Find(name)?.DisplayPath ?? name : "template";
        var at = new SourceSpan(file, span.Start.Line + 1, span.Start.Column + 1);
        return TemplateRules.TemplateFailed.Report(at, $"模板出错（渲染 {subject} 时）：检查模板这一行的 {{{{ }}}} 是否成对、表达式是否写完整、引用的字段是否存在{OriginalText.InChinese(message)}", $"Template error while rendering {subject}: {message}");
    }
}
