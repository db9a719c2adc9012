namespace OrderProcessing.Infra.Plan.Functions;

/// <summary>
/// Environment variables the deployment can give a function beyond table and bucket names. A function receives one only
/// when the topology lists it in the function's settings; these are the names to list.
/// </summary>
public static class DeploymentSettingNames
{
    /// <summary>Lifetime in seconds of presigned invoice links (from <c>order-processing:invoiceLinkSeconds</c>).</summary>
    public const string InvoiceLinkSeconds = "INVOICE_LINK_SECONDS";

    /// <summary>The browser origin allowed to call the API (from <c>order-processing:corsAllowOrigin</c>); the API function echoes it in <c>Access-Control-Allow-Origin</c>.</summary>
    public const string CorsAllowOrigin = "CORS_ALLOW_ORIGIN";
}
