namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>AWS managed policies the stack attaches instead of writing statements itself.</summary>
public static class ManagedPolicies
{
    /// <summary>
    /// X-Ray segment upload for active tracing. <c>xray:PutTraceSegments</c> and <c>xray:PutTelemetryRecords</c> cannot be
    /// scoped to a resource, so rather than write a statement with the <c>*</c> resource we attach AWS's own policy for it.
    /// </summary>
    public const string XRayDaemonWriteAccess = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";
}
