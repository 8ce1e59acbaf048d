namespace PerfDisclosure.Core.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
