using PerfDisclosure.Cli;

return Invocation.Run(args);
