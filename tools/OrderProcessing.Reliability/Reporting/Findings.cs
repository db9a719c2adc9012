namespace OrderProcessing.Reliability.Reporting;

/// <summary>The fixed part of the report: bugs this work found and fixed, with their regression tests, and what the runs do not prove.</summary>
internal static class Findings
{
    /// <summary>The markdown, appended after the measured sections.</summary>
    public const string Markdown = """
        ## Bugs found and fixed

        | bug | effect | fix | regression test |
        | --- | --- | --- | --- |
        | `ReserveInventoryStage` released every line before its conditional `OUT_OF_STOCK` write. A duplicate delivery that read the order while `PENDING`, went slow, and then found a line already shipped (`AlreadySettled`) handed the order's *shipped* units back to available stock while the order went on to complete. | stock oversold | The failing transition is written first; stock is released only once it is stored (a crash in between is settled by the redelivery, which finds the order `OUT_OF_STOCK`). `ChargePaymentStage` does the same for `PAYMENT_FAILED`, and its settle path releases the stock of an order that gave it up. | `Regressions/StaleReservationTests`, `Regressions/SettlingTests` |
        | `DELETE /orders/{id}` of a just-cancelled order removed it before the compensate stage ran; that stage then found no order and did nothing. The same for a stage that lost its conditional write to the delete. | reservations leaked, captured payments never refunded | `OrderService.DeleteAsync` refuses (409, `OrderStillSettlingException`, with the time it becomes deletable) to delete an order that gave up its stock less than `OrderServiceOptions.SettlingPeriod` ago (15 minutes: 5 receives of a 3-minute visibility timeout). `CompensateStage` refunds by order id even when the order is gone. | `Regressions/SettlingTests` |

        ## What these runs do not prove

        - **Dead letters under 5 % store faults.** A stage makes 4 to 7 store calls per message, so with 5 % of calls failing (and the crashes on top) 20 to 40 % of receives fail; five failures in a row, the topology's receive limit, happen to about 1 message in 1,000. Those messages are listed above with their cause, and the run redrives them as the runbook does: nothing is lost, every order still ends correctly, but the dead-letter alarm fires. Retrying a `TransientFailureException` two or three times inside the stage function before failing the message (as the AWS SDK already does for throttling) would make them vanish; a stage message is idempotent, so that retry is safe.
        - **Operator moves** (`PATCH /orders/{id}`) are not exercised by these runs. They are limited to giving an order up (`PENDING` to `OUT_OF_STOCK`, `RESERVED` to `PAYMENT_FAILED`, to `CANCELLED` until shipped), whose clean-up is the stages' settle paths and compensation, checked in Core's `Pipeline/OperatorMoveTests` whether the move lands before, after or during the stage of the order's status; a forward move (`PENDING` to `RESERVED`, `PAID` to `SHIPPED`, ...) is refused with `409` because by hand it would skip its stage's work.
        - **The settling period is an assumption about time.** It must outlast the longest time a stage message stays in flight (in AWS: 15 minutes against a 30-second function timeout and 5 receives of 3 minutes). The runs keep it (10 s on the run's clock against stalls of at most 4 s); with a period shorter than the stalls, a delete can still strand stock or an unrefunded capture, as `InvariantCheckerTeethTests` shows with no period at all.
        - **A compensation delayed past the settling period** (a backlog longer than 15 minutes, or a dead letter redriven after the order was deleted) can still refund, but can no longer find the order's lines to release its stock. The dead-letter alarm is the guard; carrying the order's image in the stage message would close it.
        - **Real AWS behaviour** (DynamoDB Streams ordering, Pipes filtering, SQS visibility timeouts, Lambda concurrency) is modelled, not exercised: the dispatcher is as hostile as their contracts allow (duplicates, reordering, batches, redelivery after failure), which is what the stages must survive.
        """;
}
