using OrderSync.Cli;

return await OperatorCommandLine.Create().RunAsync(args);
