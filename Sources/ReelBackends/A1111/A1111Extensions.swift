import Foundation
import ReelKit

/// The webui extensions Reel uses for placed people and references, as a server reports them:
/// Regional Prompter (its name in GET /sdapi/v1/scripts) and ControlNet with an IP-Adapter model
/// (GET /controlnet/model_list). Shapes from the extensions' READMEs and API code:
/// `{"txt2img": ["regional prompter", "controlnet", …], "img2img": […]}` and
/// `{"model_list": ["ip-adapter_sd15 [6a3f6166]", …]}`; the lower-case script names are
/// UNCONFIRMED across webui versions (Reel compares case-insensitively).
struct A1111Extensions: Sendable, Hashable {
    var regionalPrompter = false
    /// The first ControlNet model whose name says IP-Adapter; `nil` without ControlNet or one.
    var ipAdapterModel: String?

    /// Asks the server; a server that does not answer has neither.
    static func discover(baseURL: String, transport: HTTPTransport) async -> A1111Extensions {
        var found = A1111Extensions()
        struct Scripts: Decodable { var txt2img: [String]? }
        struct Models: Decodable { var model_list: [String]? }
        if let answer = try? await transport.send(.get(baseURL + "/sdapi/v1/scripts", timeout: .seconds(10))),
            answer.status == 200, let scripts = try? JSONDecoder().decode(Scripts.self, from: answer.body)
        {
            found.regionalPrompter = (scripts.txt2img ?? []).contains { $0.lowercased() == "regional prompter" }
        }
        if let answer = try? await transport.send(.get(baseURL + "/controlnet/model_list", timeout: .seconds(10))),
            answer.status == 200, let models = try? JSONDecoder().decode(Models.self, from: answer.body)
        {
            found.ipAdapterModel = (models.model_list ?? []).first { $0.lowercased().contains("ip-adapter") }
        }
        return found
    }
}

/// The `alwayson_scripts` of a request with placed people or character references.
enum A1111Regions {
    /// ControlNet's default number of units ("Multi-ControlNet: ControlNet unit number", 3).
    static let controlNetUnits = 3

    /// The prompt split for Regional Prompter: the shot's prompt as the base, then one region per
    /// placed person, left to right, joined by `BREAK`.
    static func prompt(_ base: String, people: [PlacedPerson]) -> String {
        ([base] + people.map(\.description)).joined(separator: " BREAK ")
    }

    /// Regional Prompter's positional args (README "How to Use via API"): active, debug, mode
    /// Matrix, split into Columns, mask and prompt sub-modes, the column ratios, base ratio 0.2,
    /// use base, no common prompts, Attention, and the LoRA/threshold/mask fields left empty.
    static func regionalPrompter(_ people: [PlacedPerson]) -> JSONValue {
        let smallest = people.map(\.region.width).min() ?? 1
        let ratios = people.map { decimal($0.region.width / max(smallest, 0.001)) }
        let args: [JSONValue] = [
            .bool(true), .bool(false), .string("Matrix"), .string("Columns"), .string("Mask"), .string("Prompt"),
            .string(ratios.joined(separator: ",")), .string("0.2"), .bool(true), .bool(false), .bool(false),
            .string("Attention"), .bool(false), .string("0"), .string("0"), .string("0"), .string(""),
        ]
        return .object(["args": .array(args)])
    }

    /// One ControlNet IP-Adapter unit per reference (image as base64); the `ip-adapter-auto`
    /// preprocessor name is UNCONFIRMED on older ControlNet versions.
    static func controlNet(_ images: [Data], model: String, weight: Double) -> JSONValue {
        let units: [JSONValue] = images.map { data in
            .object([
                "enabled": .bool(true), "image": .string(data.base64EncodedString()),
                "module": .string("ip-adapter-auto"), "model": .string(model), "weight": .double(weight),
                "resize_mode": .string("Crop and Resize"), "control_mode": .string("Balanced"),
                "pixel_perfect": .bool(true),
            ])
        }
        return .object(["args": .array(units)])
    }

    /// Short decimals for ratios ("1", "1.5").
    static func decimal(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
