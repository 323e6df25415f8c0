namespace LambdaGuard.Testing.Emulators;

/// <summary>Collection names for the emulator fixtures, so every test project spells them the same.</summary>
public static class EmulatorCollections
{
    public const string Dynalite = "dynalite";
    public const string Fauxqs = "fauxqs";
}
