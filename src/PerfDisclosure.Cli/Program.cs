using PerfDisclosure.Cli;

return Commands.Root().Parse(args).Invoke();
