using OrderProcessing.Operations.Cli;

return await OperationsCli.RunAsync(args, CliIo.Standard).ConfigureAwait(false);
