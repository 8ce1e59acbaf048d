namespace PerfDisclosure.Core.Layouts;

/// <summary>A fund identity the layout promises: <c>Total</c> equals the sum of <c>Parts</c> (dotted field paths).</summary>
public sealed record SumCheck(string Total, IReadOnlyList<string> Parts);

/// <summary>A fund bound: the amount at <c>Part</c> does not exceed the amount at <c>Whole</c>.</summary>
public sealed record NotAboveCheck(string Part, string Whole);
