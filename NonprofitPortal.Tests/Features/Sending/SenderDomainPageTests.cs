using Bunit;
using NonprofitPortal.Features.Sending.DomainCheck;
using NonprofitPortal.Features.Sending.Pages;
using NonprofitPortal.Tests.Components;
using NonprofitPortal.Tests.Infrastructure;
using NonprofitPortal.Tests.Integration.Sending;

namespace NonprofitPortal.Tests.Features.Sending;

/// <summary>The sender-domain page against the real check of a real host, asking the run's dnsmasq, rendered by bUnit.</summary>
[Collection(SenderDomainHostCollection.Name)]
public sealed class SenderDomainPageTests : MudTestContext
{
    public SenderDomainPageTests(SenderDomainHost fixture)
    {
        Services.AddSingleton(fixture.Host.Services.GetRequiredService<SenderDomainCheck>());
    }

    [Fact]
    public void The_page_starts_on_the_from_domain_and_a_right_domain_shows_every_check_ok()
    {
        var page = RenderWithProviders<SenderDomainPage>();
        Assert.Equal(SenderDomains.Right, page.Find("#sender-domain").GetAttribute("value"));

        page.Find("form[data-testid='domain-form']").Submit();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid^='check-']").Count), TimeSpan.FromSeconds(5));
        foreach (var card in page.FindAll("[data-testid^='check-']"))
        {
            Assert.Contains("OK", card.QuerySelector(".mud-chip")!.TextContent);
        }

        Assert.Contains(SenderDomains.RightSpf, page.Find("[data-testid='check-spf']").TextContent);
    }

    [Fact]
    public void A_wrong_domain_shows_what_needs_attention_and_the_records_to_publish()
    {
        var page = RenderWithProviders<SenderDomainPage>();

        page.Find("#sender-domain").Change(SenderDomains.Wrong);
        page.Find("form[data-testid='domain-form']").Submit();

        page.WaitForAssertion(() => Assert.Contains("Needs attention", page.Find("[data-testid='check-spf']").TextContent), TimeSpan.FromSeconds(5));
        Assert.Contains("Needs attention", page.Find("[data-testid='check-dkim']").TextContent);
        Assert.Contains($"p={SenderDomains.PublicKey(SenderDomains.Key)}", page.Find("[data-testid='check-dkim']").TextContent);
        var dmarc = page.Find("[data-testid='check-dmarc']").TextContent;
        Assert.Contains("Missing", dmarc);
        Assert.Contains($"v=DMARC1; p=none; rua=mailto:dmarc-reports@{SenderDomains.Wrong}", dmarc);
    }

    [Fact]
    public void Something_that_is_not_a_domain_is_refused_under_the_field()
    {
        var page = RenderWithProviders<SenderDomainPage>();

        page.Find("#sender-domain").Change("not a domain");
        page.Find("form[data-testid='domain-form']").Submit();

        page.WaitForAssertion(() => Assert.Contains("is not a domain name; enter one such as foundation.example.", page.Markup));
        Assert.Empty(page.FindAll("[data-testid^='check-']"));
    }
}
