using OrderProcessing.Reliability.Cli;

return await ReliabilityCommand.Create().Parse(args).InvokeAsync();
