using PerfDisclosure.Build.Loading;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Tests.Loading;

public class YamlUnclosedFlowTests
{
    [Fact]
    public void An_unclosed_flow_sequence_is_a_diagnostic_naming_the_file_not_a_crash()
    {
        var error = Assert.Throws<ContentException>(() => Yaml.Parse("forms/x.yaml", "layout: shenzhen-target\nyear: 2024\nproject_name: [办公设备采购\nproject_code: \"1\"\n"));
        Assert.Equal("PD0001", error.Diagnostic.Code);
        Assert.Equal("forms/x.yaml", error.Diagnostic.Where.File);
    }
}
