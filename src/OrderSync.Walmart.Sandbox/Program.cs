using OrderSync.Walmart.Sandbox;

await SandboxApp.Build(args).RunAsync();
