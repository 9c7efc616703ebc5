using Bunit;
using Microsoft.AspNetCore.Components;
using NonprofitPortal.Components.Editing;

namespace NonprofitPortal.Tests.Components;

/// <summary>The Blazor side of the body editor: what it asks of its browser module, and what it does with the answers.</summary>
public sealed class EmailBodyEditorTests : MudTestContext
{
    private readonly BunitJSModuleInterop _module;
    private readonly BunitJSInterop _editor;
    private readonly List<string> _values = [];

    public EmailBodyEditorTests()
    {
        _module = JSInterop.SetupModule(EmailEditorScripts.ModulePath);
        _editor = _module.SetupModule(invocation => invocation.Identifier == "create");
    }

    [Fact]
    public void The_editor_starts_in_its_own_module_with_the_value_and_shows_the_toolbar_of_the_mode_the_browser_chose()
    {
        _editor.Setup<string>("currentMode").SetResult("visual");

        var page = RenderEditor("<p>Hello</p>");

        var start = Assert.IsType<EditorStart>(_module.VerifyInvoke("create").Arguments[3]);
        Assert.Equal(new EditorStart("<p>Hello</p>", "auto", "Body", false, false), start);
        page.WaitForAssertion(() => Assert.Equal("visual", page.Find("[data-testid=email-editor]").GetAttribute("data-mode")));
        var toolbar = page.Find("[role=toolbar]");
        Assert.Equal("Body: formatting", toolbar.GetAttribute("aria-label"));
        Assert.All(toolbar.QuerySelectorAll("button"), button => Assert.False(string.IsNullOrWhiteSpace(button.GetAttribute("aria-label")), button.OuterHtml));
        Assert.Equal("false", page.Find("button[aria-label='Bold (Ctrl+B)']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void The_toolbar_sends_its_commands_and_shows_the_formatting_where_the_cursor_is()
    {
        _editor.Setup<string>("currentMode").SetResult("visual");
        var page = RenderEditor("");
        page.WaitForElement("[role=toolbar]");

        page.Find("button[aria-label='Bold (Ctrl+B)']").Click();
        var body = page.FindComponent<EmailBodyEditor>();
        body.InvokeAsync(() => body.Instance.FormattingChanged(EditorFormatting.None with { Bold = true, CanUndo = true }));

        Assert.Equal("bold", _editor.VerifyInvoke("command").Arguments[0]);
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("button[aria-label='Bold (Ctrl+B)']").GetAttribute("aria-pressed")));
        Assert.False(page.Find("button[aria-label='Undo (Ctrl+Z)']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Changes_typed_in_the_browser_become_the_value()
    {
        _editor.Setup<string>("currentMode").SetResult("html");
        var page = RenderEditor("<p>a</p>");
        var body = page.FindComponent<EmailBodyEditor>();

        await body.InvokeAsync(() => body.Instance.ChangedAsync("<p>ab</p>"));
        await body.InvokeAsync(() => body.Instance.ChangedAsync("<p>ab</p>"));

        Assert.Equal(["<p>ab</p>"], _values);
    }

    [Fact]
    public void Switching_to_visual_asks_first_when_parts_would_be_dropped_and_stays_when_told_to()
    {
        _editor.Setup<string>("currentMode").SetResult("html");
        _editor.Setup<string[]>("check").SetResult(["the <table> element", "1 HTML comment"]);
        _editor.Setup<string>("setMode", _ => true).SetResult("visual");
        var page = RenderEditor("<table><tr><td>x</td></tr></table>");
        page.WaitForAssertion(() => Assert.Equal("html", page.Find("[data-testid=email-editor]").GetAttribute("data-mode")));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Visual").Click();
        page.WaitForAssertion(() => Assert.Contains("the <table> element", page.Find("[data-testid=visual-losses]").TextContent));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Stay in HTML").Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=visual-losses]")));
        Assert.Empty(_editor.Invocations["setMode"]);

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Visual").Click();
        page.WaitForAssertion(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Switch and drop them").Click());

        page.WaitForAssertion(() => Assert.Equal("visual", Assert.Single(_editor.Invocations["setMode"]).Arguments[0]));
        page.WaitForAssertion(() => Assert.Equal("visual", page.Find("[data-testid=email-editor]").GetAttribute("data-mode")));
    }

    [Fact]
    public void Template_errors_are_handed_to_the_browser_to_mark()
    {
        _editor.Setup<string>("currentMode").SetResult("html");
        EditorErrorMark[] errors = [new(2, 5, "There is no variable `nmae`.")];

        RenderEditor("<p>\n{{ nmae }}</p>", errors);

        var marks = Assert.IsAssignableFrom<IEnumerable<EditorErrorMark>>(_editor.VerifyInvoke("setErrors").Arguments[0]);
        Assert.Equal(errors, marks);
    }

    [Fact]
    public async Task A_link_the_browser_asks_for_comes_from_the_dialog_once_its_address_is_one_email_can_follow()
    {
        _editor.Setup<string>("currentMode").SetResult("visual");
        var page = RenderEditor("<p>Report</p>");
        var body = page.FindComponent<EmailBodyEditor>();

        var asked = body.InvokeAsync(() => body.Instance.AskLinkAsync("", needsText: false));
        page.WaitForAssertion(() => page.Find("input[placeholder='https://']").Change("javascript:alert(1)"));
        // The Apply button submits the form it names; bUnit submits the form itself.
        page.Find("#editor-link-form").Submit();
        page.WaitForAssertion(() => Assert.Contains("Start the address with https://", page.Markup));
        page.Find("input[placeholder='https://']").Change("{{ web_version_url }}");
        page.Find("#editor-link-form").Submit();

        Assert.Equal(new LinkChoice("{{ web_version_url }}", null), await asked);
    }

    [Fact]
    public async Task Disposing_the_component_disposes_the_browser_editor()
    {
        _editor.Setup<string>("currentMode").SetResult("html");
        var page = RenderEditor("");
        page.WaitForAssertion(() => Assert.Equal("html", page.Find("[data-testid=email-editor]").GetAttribute("data-mode")));

        await page.FindComponent<EmailBodyEditor>().Instance.DisposeAsync();

        _editor.VerifyInvoke("dispose");
    }

    private IRenderedComponent<IComponent> RenderEditor(string value, IReadOnlyList<EditorErrorMark>? errors = null) => RenderWithProviders(builder =>
    {
        builder.OpenComponent<EmailBodyEditor>(0);
        builder.AddAttribute(1, nameof(EmailBodyEditor.Label), "Body");
        builder.AddAttribute(2, nameof(EmailBodyEditor.Value), value);
        builder.AddAttribute(3, nameof(EmailBodyEditor.ValueChanged), EventCallback.Factory.Create<string>(this, _values.Add));
        builder.AddAttribute(4, nameof(EmailBodyEditor.Errors), errors ?? []);
        builder.CloseComponent();
    });
}
