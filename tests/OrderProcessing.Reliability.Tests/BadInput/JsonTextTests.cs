using OrderProcessing.Reliability.BadInput;

namespace OrderProcessing.Reliability.Tests.BadInput;

/// <summary>The hand-built JSON says exactly what the generators ask, including what serializers refuse.</summary>
public sealed class JsonTextTests
{
    [Test]
    public void AnObject_KeepsDuplicateKeysInOrder() =>
        Assert.That(new JsonText.Obj([new("a", new JsonText.Raw("1")), new("a", new JsonText.Raw("2"))]).Render(), Is.EqualTo("{\"a\":1,\"a\":2}"));

    [Test]
    public void AString_EscapesQuotesControlCharactersAndLoneSurrogates_ButKeepsEmoji() =>
        Assert.That(new JsonText.Str("\"\\\u0000\ud800é😀").Render(), Is.EqualTo("\"\\\"\\\\\\u0000\\ud800é😀\""));

    [Test]
    public void Mutate_ReplacesANestedField() =>
        Assert.That(
            RequestGenerators.Mutate(JsonText.Object(("items", new JsonText.Arr([JsonText.Object(("quantity", new JsonText.Raw("1")))]))), "items[0].quantity", new JsonText.Raw("-1")).Render(),
            Is.EqualTo("{\"items\":[{\"quantity\":-1}]}"));

    [Test]
    public void Mutate_WithNull_RemovesTheField() =>
        Assert.That(
            RequestGenerators.Mutate(JsonText.Object(("a", new JsonText.Raw("1")), ("shippingAddress", JsonText.Object(("country", new JsonText.Str("US"))))), "shippingAddress.country", null).Render(),
            Is.EqualTo("{\"a\":1,\"shippingAddress\":{}}"));
}
