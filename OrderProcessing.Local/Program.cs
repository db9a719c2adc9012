return await OrderProcessing.Local.Hosting.LocalHost.RunAsync(args).ConfigureAwait(false);
