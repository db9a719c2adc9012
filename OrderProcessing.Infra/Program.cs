using OrderProcessing.Infra;

return await Pulumi.Deployment.RunAsync<OrderProcessingStack>();
