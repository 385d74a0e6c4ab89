/// The film file's `comfyui:`/`a1111:` settings over the user config's, key by key.
extension BackendSettings {
    /// The settings a project runs with: every key the film file writes wins; a key only the
    /// user config writes comes from there; the rest keep Reel's defaults. A workflow travels with
    /// its own `inputs:`. Returns where each setting came from, in a stable order.
    public static func merging(film: Film, config: UserConfig?) -> (settings: BackendSettings, sources: [SettingSource])
    {
        var merged = film.settings
        var sources: [SettingSource] = []
        let user = config?.settings ?? BackendSettings()
        let userMap = config?.sourceMap ?? SourceMap()

        /// Records `key`, taking the user's value when the film does not write it and the user does.
        func resolve(
            _ key: String, film filmValue: String?, user userValue: String?, default fallback: String?
        ) -> (
            String?, fromUser: Bool
        ) {
            if let location = film.sourceMap[key], let filmValue {
                sources.append(SettingSource(key: key, value: filmValue, origin: .film, location: location))
                return (filmValue, false)
            }
            if let location = userMap[key], let userValue {
                sources.append(SettingSource(key: key, value: userValue, origin: .config, location: location))
                return (userValue, true)
            }
            if let fallback { sources.append(SettingSource(key: key, value: fallback, origin: .default)) }
            return (filmValue ?? fallback, false)
        }

        // ComfyUI
        let comfy = resolve(
            "comfyui.url", film: film.settings.comfyui.url, user: user.comfyui.url, default: ComfyUISettings.defaultURL)
        if comfy.fromUser, let url = comfy.0 { merged.comfyui.url = url }
        for key in ComfyUISettings.modelKeys {
            let value = resolve(
                "comfyui.\(key)", film: film.settings.comfyui.models[key], user: user.comfyui.models[key], default: nil)
            if value.fromUser { merged.comfyui.models[key] = value.0 }
        }
        for kind in ComfyUISettings.workflowKinds {
            let value = resolve(
                "comfyui.workflows.\(kind)", film: film.settings.comfyui.workflows[kind],
                user: user.comfyui.workflows[kind], default: nil)
            if value.fromUser {
                merged.comfyui.workflows[kind] = value.0
                merged.comfyui.inputs[kind] = user.comfyui.inputs[kind]
            }
        }
        let shared = film.settings.comfyui.inputs[""].map(Self.describe)
        if resolve("comfyui.inputs", film: shared, user: user.comfyui.inputs[""].map(Self.describe), default: nil)
            .fromUser
        {
            merged.comfyui.inputs[""] = user.comfyui.inputs[""]
        }
        merged.comfyui.configured = film.settings.comfyui.configured || user.comfyui.configured

        // AUTOMATIC1111
        let a1111 = resolve(
            "a1111.url", film: film.settings.a1111.url, user: user.a1111.url, default: A1111Settings.defaultURL)
        if a1111.fromUser, let url = a1111.0 { merged.a1111.url = url }
        if resolve(
            "a1111.steps", film: film.settings.a1111.steps.map(String.init), user: user.a1111.steps.map(String.init),
            default: nil
        ).fromUser {
            merged.a1111.steps = user.a1111.steps
        }
        if resolve("a1111.sampler", film: film.settings.a1111.sampler, user: user.a1111.sampler, default: nil).fromUser
        {
            merged.a1111.sampler = user.a1111.sampler
        }
        if resolve(
            "a1111.cfg_scale", film: film.settings.a1111.cfgScale.map { "\($0)" },
            user: user.a1111.cfgScale.map { "\($0)" }, default: nil
        ).fromUser {
            merged.a1111.cfgScale = user.a1111.cfgScale
        }
        merged.a1111.configured = film.settings.a1111.configured || user.a1111.configured
        return (merged, sources)
    }

    /// `prompt=6.text seed=3.seed,9.noise_seed`: an input mapping on one line.
    static func describe(_ inputs: [String: [String]]) -> String {
        inputs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.joined(separator: ","))" }.joined(separator: " ")
    }
}
