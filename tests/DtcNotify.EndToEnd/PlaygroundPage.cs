using Microsoft.Playwright;

namespace DtcNotify.EndToEnd;

/// <summary>The Playground's Teams-like UI, by the roles and names a user sees (selectors from the team's recipe).</summary>
internal sealed class PlaygroundPage(IPage page)
{
    public IPage Page => page;

    /// <summary>Adaptive Cards as the Playground renders them (the renderer's own class).</summary>
    public ILocator Cards => page.Locator(".ac-adaptiveCard");

    /// <summary>Channel posts, each with its replies (Fluent UI cards); the new-post composer is one too.</summary>
    public ILocator ChannelThreads => page.Locator(".fui-Card[role=group]");

    private ILocator Composers => page.Locator("[data-lexical-editor=\"true\"]");

    /// <summary>Loading the page makes the Playground (re)send installationUpdate and conversationUpdate to the app.</summary>
    public async Task OpenAsync(Uri playground)
    {
        await page.GotoAsync(playground.ToString());
        await page.GetByRole(AriaRole.Treeitem, new() { Name = "Personal Chat", Exact = true }).WaitForAsync();
    }

    /// <summary>"Personal Chat", "Group Chat" or "Team - Channel".</summary>
    public async Task OpenConversationAsync(string name)
    {
        await page.GetByRole(AriaRole.Treeitem, new() { Name = name, Exact = true }).ClickAsync();
        await Composers.First.WaitForAsync();
    }

    /// <summary>Types into the chat's composer (the last editor) and presses "Send Message".</summary>
    public async Task SendChatMessageAsync(string text)
    {
        await Composers.Last.ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send Message", Exact = true }).ClickAsync();
    }

    /// <summary>Starts a new channel post (the first editor) with an @mention picked from the typeahead, then text.</summary>
    public async Task TypeNewPostWithMentionAsync(string mentioned, string text)
    {
        await Composers.First.ClickAsync();
        await page.Keyboard.TypeAsync("@" + mentioned.Split(' ')[0]);
        // Enter would send the half-typed text: the mention must be clicked in the menu.
        await page.GetByRole(AriaRole.Listbox, new() { Name = "Typeahead menu" })
            .GetByRole(AriaRole.Menuitem, new() { Name = mentioned })
            .ClickAsync();
        await page.Keyboard.TypeAsync(" " + text);
    }

    public Task PostAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();

    /// <summary>The Playground's log panel lists each activity with the app's HTTP status: the first clue on failure.</summary>
    public Task<string> LogPanelTextAsync() =>
        page.Locator("text=Log Panel").Locator("xpath=../..").InnerTextAsync(new() { Timeout = 2_000 });
}
