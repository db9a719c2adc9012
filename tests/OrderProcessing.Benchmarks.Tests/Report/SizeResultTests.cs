using System.Text;
using OrderProcessing.Benchmarks.Report;

namespace OrderProcessing.Benchmarks.Tests.Report;

/// <summary>The AOT binary's glibc requirement is the newest GLIBC_ version string it names, compared as versions.</summary>
public sealed class SizeResultTests
{
    [Test]
    public void NewestGlibc_SeveralVersions_IsTheNewestByVersionNotByText()
    {
        var elf = Encoding.Latin1.GetBytes("\x7fELF\0libc.so.6\0GLIBC_2.9\0GLIBC_2.34\0GLIBC_2.3.4\0GLIBC_2.17\0GLIBC_PRIVATE\0");

        Assert.That(SizeResult.NewestGlibc(elf), Is.EqualTo("GLIBC_2.34"));
    }

    [Test]
    public void NewestGlibc_NoVersionStrings_IsNull()
    {
        Assert.That(SizeResult.NewestGlibc("\x7fELF\0libc.so.6\0"u8), Is.Null);
    }
}
