using System.Globalization;

namespace PerfDisclosure.Core.Validation;

/// <summary>Numbers in messages, written the same way on every machine.</summary>
internal static class Figures
{
    public static string Show(decimal value) => value.ToString("#,##0.00##", CultureInfo.InvariantCulture);
}
