namespace PerfDisclosure.Core.Scoring;

/// <summary>How a jurisdiction rounds computed rates and scores to the printed decimals.</summary>
public sealed record Rounding(int Decimals, RoundingMode Mode)
{
    public static Rounding HalfUp2 { get; } = new(2, RoundingMode.HalfUp);

    public decimal Apply(decimal value) => Mode switch
    {
        RoundingMode.Truncate => Math.Round(value, Decimals, MidpointRounding.ToZero),
        RoundingMode.HalfEven => Math.Round(value, Decimals, MidpointRounding.ToEven),
        _ => Math.Round(value, Decimals, MidpointRounding.AwayFromZero),
    };
}

public enum RoundingMode
{
    /// <summary>四舍五入.</summary>
    HalfUp,

    /// <summary>Cut after the printed decimals (截位).</summary>
    Truncate,

    /// <summary>Banker's rounding.</summary>
    HalfEven,
}
