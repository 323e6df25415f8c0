using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Events;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Events;

public sealed class EventNameNormalizerTests
{
    [Theory]
    [InlineData("UpdateFunctionCode20150331v2", "UpdateFunctionCode", "20150331v2")]
    [InlineData("UpdateFunctionCode20150331", "UpdateFunctionCode", "20150331")]
    [InlineData("CreateFunction20150331", "CreateFunction", "20150331")]
    [InlineData("AddPermission20150331v2", "AddPermission", "20150331v2")]
    [InlineData("UpdateFunctionConfiguration20150331v2", "UpdateFunctionConfiguration", "20150331v2")]
    [InlineData("PublishLayerVersion20181031", "PublishLayerVersion", "20181031")]
    [InlineData("PutFunctionConcurrency20171031", "PutFunctionConcurrency", "20171031")]
    [InlineData("TagResource20170331v2", "TagResource", "20170331v2")]
    [InlineData("DeleteFunctionCodeSigningConfig20200422", "DeleteFunctionCodeSigningConfig", "20200422")]
    public void Normalize_WhenEventNameHasVersionSuffix_ShouldGiveThePublicApiName(string eventName, string api, string version)
    {
        // Act
        var normalized = EventNameNormalizer.Normalize(eventName);

        // Assert
        Assert.Equal(api, normalized.Api);
        Assert.Equal(version, normalized.Version);
        Assert.Equal(eventName, normalized.Raw);
    }

    [Theory]
    [InlineData("UpdateFunctionCode2027", "UpdateFunctionCode", "2027")]
    [InlineData("UpdateFunctionCode20150331V3", "UpdateFunctionCode", "20150331V3")]
    [InlineData("CreateFunctionUrlConfig20261201beta", "CreateFunctionUrlConfig", "20261201beta")]
    [InlineData("GetFunction2027", "GetFunction", "2027")]
    public void Normalize_WhenKnownApiHasSuffixOfAnotherShape_ShouldStillBeThatApi(string eventName, string api, string version)
    {
        // Act
        var normalized = EventNameNormalizer.Normalize(eventName);

        // Assert
        Assert.Equal(api, normalized.Api);
        Assert.Equal(version, normalized.Version);
    }

    [Theory]
    [InlineData("FrobnicateFunction2027")]
    [InlineData("UpdateFunctionCode2027-preview")]
    public void Normalize_WhenSuffixFollowsNoKnownApiOrIsNotAlphanumeric_ShouldKeepTheWholeName(string eventName)
    {
        // Act
        var normalized = EventNameNormalizer.Normalize(eventName);

        // Assert
        Assert.Equal(eventName, normalized.Api);
        Assert.Null(normalized.Version);
    }

    [Theory]
    [InlineData("CreateFunctionUrlConfig")]
    [InlineData("DeleteFunction")]
    [InlineData("Invoke")]
    public void Normalize_WhenEventNameIsBare_ShouldKeepItWithoutVersion(string eventName)
    {
        // Act
        var normalized = EventNameNormalizer.Normalize(eventName);

        // Assert
        Assert.Equal(eventName, normalized.Api);
        Assert.Null(normalized.Version);
    }

    [Theory]
    [InlineData("CreateFunctionUrlConfig", "CreateFunction")]
    [InlineData("DeleteFunctionConcurrency", "DeleteFunction")]
    [InlineData("DeleteFunctionConcurrency20171031", "DeleteFunction")]
    [InlineData("UpdateFunctionCodeSigningConfig", "UpdateFunctionCode")]
    public void Normalize_WhenApiNameExtendsAnotherApi_ShouldNotBeThatApi(string eventName, string shorterApi)
    {
        // Act
        var api = EventNameNormalizer.Normalize(eventName).Api;

        // Assert
        Assert.NotEqual(shorterApi, api);
        Assert.StartsWith(shorterApi, api, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_WhenCalled_ShouldNotDependOnARegexMatchTimeout()
    {
        // Arrange: a regex with a match timeout throws RegexMatchTimeoutException when a GC pause outlasts it,
        // which aborted a whole scan (review item 3); the normalizer must have no such failure mode.
        var regexMembers = typeof(EventNameNormalizer)
            .GetMethods(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
            .Where(method => method.ReturnType == typeof(System.Text.RegularExpressions.Regex));

        // Act
        var normalized = EventNameNormalizer.Normalize(new string('A', 2_000_000) + "20150331v2");

        // Assert
        Assert.Empty(regexMembers);
        Assert.Equal("20150331v2", normalized.Version);
        Assert.Equal(2_000_000, normalized.Api.Length);
    }

    [Theory]
    [InlineData("UpdateFunctionCode20150331v")]
    [InlineData("UpdateFunctionCode2015033")]
    [InlineData("UpdateFunctionCode20150331v2x")]
    public void Normalize_WhenSuffixIsAnIncompleteDatedVersion_ShouldTreatItAsAFutureSuffix(string eventName)
    {
        // Act
        var normalized = EventNameNormalizer.Normalize(eventName);

        // Assert
        Assert.Equal("UpdateFunctionCode", normalized.Api);
        Assert.Equal(eventName["UpdateFunctionCode".Length..], normalized.Version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Normalize_WhenEventNameMissing_ShouldGiveAnEmptyApi(string? eventName)
    {
        // Act
        var normalized = EventNameNormalizer.Normalize(eventName);

        // Assert
        Assert.Equal(string.Empty, normalized.Api);
    }

    [Fact]
    public void Normalize_WhenNameIsNotACloudTrailShape_ShouldKeepItWhole()
    {
        // Act
        var normalized = EventNameNormalizer.Normalize("Update-Function 2015");

        // Assert
        Assert.Equal("Update-Function 2015", normalized.Api);
        Assert.Null(normalized.Version);
    }

    [Fact]
    public void Detect_WhenCreateFunctionUrlConfigIsNotPublic_ShouldNotBeReportedAsFunctionCreated()
    {
        // Arrange
        var record = Fixtures.RecordById("Rules/lg005-public-url.json", "lg005-create-iam");

        // Act
        var finding = new Detector(new DetectorSettings()).Detect(record).Finding;

        // Assert
        Assert.NotNull(finding);
        Assert.Equal("CreateFunctionUrlConfig", finding.Api);
        Assert.Equal("LG009", finding.RuleId);
    }

    [Fact]
    public void Detect_WhenDeleteFunctionConcurrency_ShouldNotBeTakenForDeleteFunction()
    {
        // Arrange
        var record = Fixtures.RecordById("Rules/lg009-other-change.json", "lg009-delete-concurrency");
        var deleteFunctionOnly = new LambdaGuard.Core.Suppressions.SuppressionEntry
        {
            Id = "deletes-of-orders-api",
            Reason = "retiring orders-api",
            ExpiresAt = DateTimeOffset.MaxValue,
            Api = "DeleteFunction",
        };

        // Act
        var finding = new Detector(new DetectorSettings()).Detect(record).Finding;

        // Assert
        Assert.NotNull(finding);
        Assert.Equal("DeleteFunctionConcurrency", finding.Api);
        Assert.Null(LambdaGuard.Core.Suppressions.SuppressionMatcher.FindMatch(finding, [deleteFunctionOnly], DateTimeOffset.UnixEpoch));
    }
}
