using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Tests.Common;

/// <summary>The ISO 3166-1 alpha-2 list: every officially assigned code, upper case only.</summary>
public class CountryCodesTests
{
    [Test]
    public void ThereAre249AssignedCodes() => Assert.That(CountryCodes.Count, Is.EqualTo(249));

    [TestCase("US", ExpectedResult = true)]
    [TestCase("DE", ExpectedResult = true)]
    [TestCase("AQ", ExpectedResult = true)]
    [TestCase("SS", ExpectedResult = true)]
    [TestCase("XK", ExpectedResult = false)]
    [TestCase("UK", ExpectedResult = false)]
    [TestCase("EU", ExpectedResult = false)]
    [TestCase("AN", ExpectedResult = false)]
    [TestCase("us", ExpectedResult = false)]
    [TestCase("", ExpectedResult = false)]
    [TestCase(null, ExpectedResult = false)]
    public bool IsValid_OnlyForAssignedUpperCaseCodes(string? code) => CountryCodes.IsValid(code);
}
