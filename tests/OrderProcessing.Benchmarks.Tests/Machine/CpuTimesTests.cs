using OrderProcessing.Benchmarks.Machine;

namespace OrderProcessing.Benchmarks.Tests.Machine;

/// <summary>Idle time is read from /proc/stat's aggregate line: idle and iowait are free, everything else is busy.</summary>
public sealed class CpuTimesTests
{
    [Test]
    public void Parse_AggregateLine_SplitsIdleAndIowaitFromBusy()
    {
        // user nice system idle iowait irq softirq steal guest guest_nice
        var times = CpuTimes.Parse("cpu  100 5 50 1000 20 3 2 0 7 0");

        Assert.That(times, Is.EqualTo(new CpuTimes(1020, 160)));
    }

    [Test]
    public void Parse_APerCoreLine_IsRejected()
    {
        Assert.That(() => CpuTimes.Parse("cpu0 100 5 50 1000 20 3 2 0 0 0"), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void IdlePercentSince_IsTheIdleShareOfTheTicksBetween()
    {
        var earlier = new CpuTimes(1000, 500);
        var later = new CpuTimes(1150, 550);

        Assert.That(later.IdlePercentSince(earlier), Is.EqualTo(75).Within(1e-9));
    }

    [Test]
    public void IdlePercentSince_NoTicksPassed_IsIdle()
    {
        var times = new CpuTimes(1000, 500);

        Assert.That(times.IdlePercentSince(times), Is.EqualTo(100));
    }
}
