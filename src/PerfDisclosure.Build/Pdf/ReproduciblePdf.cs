namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// The date a PDF carries, from the input only, so the same content typesets the same bytes whatever the clock.
/// </summary>
public static class ReproduciblePdf
{
    /// <summary>The date of a form's PDF: SOURCE_DATE_EPOCH when set, else the form's own date (never the clock).</summary>
    public static DateTimeOffset DateOf(DateTimeOffset? sourceDate, DateOnly content) =>
        sourceDate ?? new DateTimeOffset(content.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
