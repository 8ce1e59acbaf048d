using PerfDisclosure.Build.Publishing;

namespace PerfDisclosure.Build.Tests.Publishing;

public class SourceDateTests
{
    [Fact]
    public void The_build_time_is_SOURCE_DATE_EPOCH_or_none()
    {
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), SourceDate.Parse("1704067200"));
        Assert.Null(SourceDate.Parse(null));
        Assert.Null(SourceDate.Parse(" "));
        Assert.Contains("SOURCE_DATE_EPOCH", Assert.Throws<SourceDateException>(() => SourceDate.Parse("2024-01-01")).Message);
    }
}
