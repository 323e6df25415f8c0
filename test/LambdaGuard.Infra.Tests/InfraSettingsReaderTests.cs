using LambdaGuard.Infra.Configuration;

namespace LambdaGuard.Infra.Tests;

public sealed class InfraSettingsReaderTests
{
    [Fact]
    public void Read_WhenNothingGiven_ShouldUseTheCliRegionAndSafeDefaults()
    {
        var settings = InfraSettingsReader.Read(_ => null, "eu-north-1");

        Assert.Equal(["eu-north-1"], settings.Regions);
        Assert.False(settings.CreateTrail);
        Assert.False(settings.SnapStart);
        Assert.Null(settings.ReservedConcurrency);
        Assert.Equal(KmsKeyMode.None, settings.KmsKey.Mode);
        Assert.Equal(256, settings.MemorySize);
    }

    [Fact]
    public void Read_WhenValuesComeAsCommandLineStrings_ShouldParseThem()
    {
        var context = new Dictionary<string, object>
        {
            ["regions"] = "us-east-1, eu-west-1",
            ["reservedConcurrency"] = "10",
            ["snapStart"] = "true",
            ["createTrail"] = "true",
            ["kmsKey"] = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        };

        var error = Assert.Throws<InfraSettingsException>(() => InfraSettingsReader.Read(k => context.GetValueOrDefault(k), null));

        // A key ARN belongs to one region; the other values parsed.
        Assert.Contains("'kmsKey'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'regions'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'reservedConcurrency'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenSeveralValuesAreWrong_ShouldNameEveryKeyAndValue()
    {
        var context = new Dictionary<string, object>
        {
            ["regions"] = "us-east-1,Narnia",
            ["alertEmail"] = "not-an-email",
            ["reservedConcurrency"] = "lots",
            ["logRetentionDays"] = 42,
            ["createTrail"] = "maybe",
        };

        var error = Assert.Throws<InfraSettingsException>(() => InfraSettingsReader.Read(k => context.GetValueOrDefault(k), null));

        Assert.Contains("'regions': 'Narnia'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'alertEmail': 'not-an-email'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'reservedConcurrency': expected a whole number, got 'lots'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'logRetentionDays': 42", error.Message, StringComparison.Ordinal);
        Assert.Contains("'createTrail': expected true or false, got 'maybe'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenNoRegionAnywhere_ShouldSayHowToGiveOne()
    {
        var error = Assert.Throws<InfraSettingsException>(() => InfraSettingsReader.Read(_ => null, null));

        Assert.Contains("-c regions=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenKmsKeyIsTrue_ShouldCreateAKeyPerRegion()
    {
        var settings = InfraSettingsReader.Read(k => k == "kmsKey" ? true : null, "us-east-1");

        Assert.Equal(KmsKeyMode.Create, settings.KmsKey.Mode);
    }
}
