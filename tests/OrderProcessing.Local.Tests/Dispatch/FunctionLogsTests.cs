using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Local.Handlers;

namespace OrderProcessing.Local.Tests.Dispatch;

/// <summary>The functions' JSON log lines: relayed to the console, and a stage's complaint about a message kept as its failure cause.</summary>
public sealed class FunctionLogsTests
{
    [Test]
    public void A_stage_warning_about_a_message_is_that_message_s_cause_once()
    {
        var logs = new FunctionLogs(NullLoggerFactory.Instance);
        var writer = logs.WriterFor("charge-payment", isStage: true);

        writer.WriteLine("{\"level\":\"WARN\",\"message\":\"Transient failure; the message will be retried.\",\"requestId\":\"m-1\",\"orderId\":\"o-1\",\"errorType\":\"OrderProcessing.Core.Common.TransientFailureException\",\"errorMessage\":\"gateway timeout\"}");

        Assert.That(logs.TakeCause("charge-payment", "m-1"), Is.EqualTo("Transient failure; the message will be retried. (OrderProcessing.Core.Common.TransientFailureException: gateway timeout)"));
        Assert.That(logs.TakeCause("charge-payment", "m-1"), Is.Null);
    }

    [Test]
    public void Information_metric_documents_and_the_api_s_errors_are_not_causes()
    {
        var logs = new FunctionLogs(NullLoggerFactory.Instance);

        logs.WriterFor("ship-order", isStage: true).WriteLine("{\"level\":\"INFO\",\"message\":\"Order moved to SHIPPED.\",\"requestId\":\"m-1\"}");
        logs.WriterFor("ship-order", isStage: true).WriteLine("{\"_aws\":{},\"level\":\"ERROR\",\"requestId\":\"m-2\"}");
        logs.WriterFor("api", isStage: false).WriteLine("{\"level\":\"ERROR\",\"message\":\"Unexpected failure\",\"requestId\":\"m-3\"}");

        Assert.That(logs.TakeCause("ship-order", "m-1"), Is.Null);
        Assert.That(logs.TakeCause("ship-order", "m-2"), Is.Null);
        Assert.That(logs.TakeCause("api", "m-3"), Is.Null);
    }

    [Test]
    public void A_line_written_in_pieces_is_read_whole()
    {
        var logs = new FunctionLogs(NullLoggerFactory.Instance);
        var writer = logs.WriterFor("compensate", isStage: true);

        writer.Write("{\"level\":\"ERROR\",\"mess");
        writer.Write("age\":\"Unreadable message\",\"requestId\":\"m-9\"}\r");
        writer.Write('\n');

        Assert.That(logs.TakeCause("compensate", "m-9"), Is.EqualTo("Unreadable message"));
    }
}
