namespace OrderProcessing.Functions.Composition;

/// <summary>
/// The ports of a function deployed to AWS: DynamoDB tables and the S3 bucket named by its settings, through the
/// adapters in <c>Adapters/</c>.
/// </summary>
public sealed class AwsPortsFactory : IPortsFactory
{
    /// <inheritdoc />
    public SystemPorts Create(FunctionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // The DynamoDB and S3 adapters are being written on branch 'adapters'; until they are merged a deployed function
        // stops here, after its settings were checked, instead of running on stores that would lose every order.
        throw new NotSupportedException($"Function '{settings.Function.Name}' cannot run on AWS yet: the DynamoDB and S3 adapters are not part of this build.");
    }
}
