using OrderProcessing.Core.Invoices;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>What every <see cref="IInvoiceStore"/> must do: store one PDF per order and give back exactly those bytes.</summary>
public abstract class InvoiceStoreContract
{
    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IInvoiceStore> CreateStoreAsync();

    /// <summary>Bytes of every value, so any re-encoding of the body shows.</summary>
    protected static byte[] Pdf(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        "%PDF-1.7\n"u8.ToArray().CopyTo(bytes, 0);
        for (var i = 0; i < 256 && 16 + i < length; i++)
        {
            bytes[16 + i] = (byte)i;
        }

        return bytes;
    }

    [Test]
    public async Task Put_ReturnsTheKeyUnderTheInvoicesPrefix()
    {
        var store = await CreateStoreAsync();

        Assert.That(await store.PutAsync("o-1", Pdf(1000)), Is.EqualTo("invoices/o-1.pdf"));
    }

    [Test]
    public async Task Put_ThenGet_ReturnsTheSameBytes([Values(300, 70_000, 3_000_000)] int length)
    {
        var store = await CreateStoreAsync();
        var pdf = Pdf(length);

        await store.PutAsync("o-1", pdf);

        Assert.That(await store.GetAsync("o-1"), Is.EqualTo(pdf));
    }

    [Test]
    public async Task Put_SliceOfALargerBuffer_StoresOnlyTheSlice()
    {
        var store = await CreateStoreAsync();
        var buffer = Pdf(5000);

        await store.PutAsync("o-1", buffer.AsMemory(1000, 2000));

        Assert.That(await store.GetAsync("o-1"), Is.EqualTo(buffer[1000..3000]));
    }

    [Test]
    public async Task Put_Again_Overwrites()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("o-1", Pdf(1000, seed: 1));

        await store.PutAsync("o-1", Pdf(500, seed: 2));

        Assert.That(await store.GetAsync("o-1"), Is.EqualTo(Pdf(500, seed: 2)));
    }

    [Test]
    public async Task Get_Missing_ReturnsNull()
    {
        var store = await CreateStoreAsync();
        await store.PutAsync("o-1", Pdf(1000));

        Assert.That(await store.GetAsync("o-2"), Is.Null);
    }
}
