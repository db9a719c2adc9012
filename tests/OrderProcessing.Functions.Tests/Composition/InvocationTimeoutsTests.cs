using Microsoft.Extensions.Time.Testing;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Composition;

/// <summary>Every function's store budget ends before its Lambda timeout, leaving it time to answer, and each attempt fits the budget.</summary>
public sealed class InvocationTimeoutsTests
{
    private static IEnumerable<TestCaseData> Functions() =>
        SystemTopology.Functions.Select(f => new TestCaseData(f).SetArgDisplayNames(f.Name));

    [TestCaseSource(nameof(Functions))]
    public void For_EveryFunction_BudgetAndMarginMakeItsTimeoutAndAttemptsFitTheBudget(FunctionDefinition function)
    {
        var timeouts = InvocationTimeouts.For(function);

        Assert.That(timeouts.Budget + timeouts.Margin, Is.EqualTo(TimeSpan.FromSeconds(function.TimeoutSeconds)));
        Assert.That(timeouts.Margin, Is.GreaterThanOrEqualTo(InvocationTimeouts.MinMargin));
        Assert.That(timeouts.Calls.AttemptTimeout * (timeouts.Calls.MaxErrorRetry + 1), Is.LessThanOrEqualTo(timeouts.Budget));
    }

    [Test]
    public void For_Api_KeepsThreeSecondsOfItsFifteenToAnswer()
    {
        var timeouts = InvocationTimeouts.For(SystemTopology.Api);

        Assert.That(timeouts.Budget, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(timeouts.Calls.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(4)));
        Assert.That(timeouts.Calls.MaxErrorRetry, Is.EqualTo(2));
    }

    [Test]
    public void For_AFunctionTooShortForTheMargin_IsRejectedNamingIt()
    {
        var tooShort = SystemTopology.Api with { TimeoutSeconds = 1 };

        var e = Assert.Throws<ArgumentException>(() => InvocationTimeouts.For(tooShort));

        Assert.That(e!.Message, Does.Contain("'api'"));
    }

    [Test]
    public void Start_BudgetSpent_CancelsTheToken()
    {
        var clock = new FakeTimeProvider();
        var timeouts = InvocationTimeouts.For(SystemTopology.Api);
        using var budget = timeouts.Start(CancellationToken.None, clock);

        clock.Advance(timeouts.Budget - TimeSpan.FromMilliseconds(1));
        Assert.That(budget.IsSpent, Is.False);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(budget.Token.IsCancellationRequested, Is.True);
    }

    [Test]
    public void Start_DeadlineReachedFirst_CancelsTheToken()
    {
        using var deadline = new CancellationTokenSource();
        using var budget = InvocationTimeouts.For(SystemTopology.Api).Start(deadline.Token, new FakeTimeProvider());

        deadline.Cancel();

        Assert.That(budget.IsSpent, Is.True);
    }
}
