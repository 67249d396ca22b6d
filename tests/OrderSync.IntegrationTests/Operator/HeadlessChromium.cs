using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OrderSync.IntegrationTests.Infrastructure;

namespace OrderSync.IntegrationTests.Operator;

/// <summary>Debian's Chromium, headless, driven through its chromedriver (packages chromium and chromium-driver).</summary>
public sealed class HeadlessChromium : IDisposable
{
    private HeadlessChromium(ChromeDriver driver) => Driver = driver;

    public ChromeDriver Driver { get; }

    public static HeadlessChromium Start()
    {
        var chromedriver = TestTools.Require("chromedriver");
        var options = new ChromeOptions { BinaryLocation = TestTools.Require("chromium") };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1400,1000");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.HideCommandPromptWindow = true;
        return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromMinutes(2)));
    }

    public void Open(Uri address) => Driver.Navigate().GoToUrl(address);

    /// <summary>The element's text once it holds <paramref name="expected"/>, waiting for the page or its script.</summary>
    public async Task<string> WaitForText(By element, string expected)
    {
        return await Eventually.Matches(
            () => Task.FromResult(Driver.FindElements(element).Select(found => found.Text).FirstOrDefault() ?? string.Empty),
            text => text.Contains(expected, StringComparison.Ordinal),
            $"{element} shows '{expected}'");
    }

    /// <summary>
    /// Keeps a screenshot of the page in artifacts/screenshots/, and in docs/screenshots/ as well when
    /// ORDERSYNC_UPDATE_SCREENSHOTS=1, so that a test run does not change the documentation.
    /// </summary>
    public void Screenshot(string name)
    {
        var shot = Driver.GetScreenshot();
        var folders = new List<string> { Path.Combine(RepositoryPaths.Root, "artifacts", "screenshots") };
        if (Environment.GetEnvironmentVariable("ORDERSYNC_UPDATE_SCREENSHOTS") == "1")
        {
            folders.Add(Path.Combine(RepositoryPaths.Root, "docs", "screenshots"));
        }

        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            shot.SaveAsFile(Path.Combine(folder, name + ".png"));
        }
    }

    public void Dispose() => Driver.Quit();
}
