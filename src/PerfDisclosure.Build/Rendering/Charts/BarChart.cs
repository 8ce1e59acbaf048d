using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.Rendering.Charts;

/// <summary>
/// A horizontal bar chart as inline SVG, drawn at build time: no chart library in the browser. Each label sits
/// above its bar so long Chinese project names fit a phone screen; the SVG scales with its container.
/// The SVG is role="img" named by its title and described by a sentence with every number; the page
/// prints the same numbers in a table beside it.
/// </summary>
public static class BarChart
{
    /// <summary>Narrow, so the SVG shrinks little on a 320 px phone and its 14 px text stays readable.</summary>
    private const int Width = 360;
    private const int LabelHeight = 22;
    private const int BarHeight = 16;
    private const int Gap = 10;
    private const int ValueSpace = 90;

    /// <param name="id">Unique on the page; prefixes the ids of the title and description.</param>
    /// <param name="description">The text alternative (<see cref="Description"/>).</param>
    public static string Svg(string id, string title, string description, IReadOnlyList<ChartBar> bars)
    {
        var max = bars.Count == 0 ? 0m : bars.Max(b => b.Value);
        var height = Math.Max(1, bars.Count) * (LabelHeight + BarHeight + Gap);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Html.Escape(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{Html.Escape(description)}</desc>");
        var y = 0;
        foreach (var bar in bars)
        {
            var length = max <= 0 || bar.Value <= 0 ? 0 : (double)(bar.Value / max) * (Width - ValueSpace);
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"0\" y=\"{y + LabelHeight - 6}\">{Html.Escape(Shorten(bar.Label))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart-bar\" x=\"0\" y=\"{y + LabelHeight}\" width=\"{Math.Max(length, 1):0.#}\" height=\"{BarHeight}\"></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-value\" x=\"{length + 6:0.#}\" y=\"{y + LabelHeight + BarHeight - 3}\">{Html.Escape(bar.Display)}</text>");
            y += LabelHeight + BarHeight + Gap;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The text alternative: every bar's label and value in one sentence.</summary>
    public static string Description(Theme.ThemeStrings strings, IReadOnlyList<ChartBar> bars) =>
        bars.Count == 0
            ? strings["charts.no_data"]
            : strings.Format("charts.bars", ("bars", string.Join(strings["charts.bar_separator"], bars.Select(b => strings.Format("charts.bar", ("label", b.Label), ("value", b.Display))))));

    /// <summary>Labels longer than a line are cut in the picture only; the description and table keep them whole.</summary>
    private static string Shorten(string label) => label.Length <= 24 ? label : label[..23] + "…";
}
