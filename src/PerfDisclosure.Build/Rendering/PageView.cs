using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// Everything a page's template is given: the template, its globals (the view: escaped values, lists, functions),
/// and what is being rendered (named in errors only). The render cache keys a page by exactly this.
/// </summary>
public sealed record PageView(string Template, ScriptObject Globals, string Subject);
