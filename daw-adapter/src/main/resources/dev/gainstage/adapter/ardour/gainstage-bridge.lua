ardour {
	["type"]    = "EditorHook",
	name        = "gainstage bridge",
	author      = "gainstage",
	description = [[Reports the session's signal flow to the gainstage adapter over OSC and places the tap sends it meters.
Talks only while the adapter runs (it refreshes a small file in the gainstage control folder); removes its taps when the adapter goes away.]],
}

-- One script, two hosts: in the Ardour GUI it is an EditorHook (Edit > Lua Scripts > Script Manager >
-- Action Hooks); headless, `gainstage ardour-host` loads it with dofile and calls the callback every
-- 250 ms. Lua inside Ardour can send OSC but not receive it, so the adapter speaks to the bridge through
-- a file it refreshes every second: "<control dir>/adapter" with lines port=N, alive=<epoch seconds>,
-- control_words=<comma-separated words> (the plugin controls to report: the adapter chooses among them).
-- The control dir is $GAINSTAGE_ARDOUR_DIR, else $HOME/.cache/gainstage/ardour.
--
-- Wire format (all OSC, to 127.0.0.1:port): one frame per tick,
--   /gainstage/frame   i frame, s session path, s session name, i routes, i rolling, d transport sample,
--                      s Ardour's revision (ARDOUR.revision, "9.8.0~ds-1" say; the adapter shows it)
--   /gainstage/route   i frame, i index, s description       (once per route)
--   /gainstage/end     i frame
-- A route description is lines of tab-separated fields:
--   R id name kind active n_inputs feeds(comma ids) meter_max_peak_db output_ports(comma)
--   P id kind name uri active gain_coefficient tap_ports(comma) send_target category
--   C processor_id osc_param_index label value lower upper      (plugin input controls whose label has a
--                                                               control word; the adapter picks the output one)
-- kind of R: track, miditrack, bus, master, surround (Ardour 8's Surround Master), monitor; kind of P: trim,
-- plugin, send, fader, output.
-- tap_ports are the ports of the tap send placed just before the processor (its input signal), one per channel
-- of that signal; none for Trim, which Ardour keeps at the head of the chain.

function signals ()
	local s = LuaSignal.Set ()
	s:add ({
		[LuaSignal.LuaTimerDS] = true,
		[LuaSignal.RouteAdded] = true,
		[LuaSignal.TransportStateChange] = true,
		[LuaSignal.SetSession] = true,
		[LuaSignal.RoutesReconnected] = true,
	})
	return s
end

function factory ()
	local dir = os.getenv ("GAINSTAGE_ARDOUR_DIR")
	if not dir or dir == "" then
		dir = (os.getenv ("HOME") or "/tmp") .. "/.cache/gainstage/ardour"
	end
	local frame = 0
	local ticks = 0
	local taps = nil        -- send id -> { route = id, before = id, own = bool }; loaded per session
	local taps_session = nil
	local last_port = nil
	local tx = nil

	local function sid (o) return o:to_stateful ():id ():to_s () end
	local function clean (s) return (tostring (s):gsub ("[\t\n\r]", " ")) end

	local function read_adapter ()
		local f = io.open (dir .. "/adapter", "r")
		if not f then return nil end
		local t = {}
		for line in f:lines () do
			local k, v = line:match ("^([%w_]+)=(.*)$")
			if k then t[k] = v end
		end
		f:close ()
		local alive = tonumber (t.alive or "0") or 0
		if not tonumber (t.port or "") or math.abs (os.time () - alive) > 5 then return nil end
		return t
	end

	-- The registry of tap sends survives bridge restarts: sends saved with a session are found again by id.
	-- Entries stay after their send is removed: a session saved while the taps were in place brings them
	-- back when it is loaded again, and they must still be known as taps (Ardour never reuses an id).
	-- A line is "send route before", plus "own-panner" for a tap made with a panner of its own (see new_tap):
	-- taps listed without it were made by an older bridge, share the route's panner, and are replaced.
	local function registry_file ()
		return dir .. "/taps-" .. Session:path ():gsub ("[^%w]", "_")
	end

	local function load_taps ()
		if taps and taps_session == Session:path () then return end
		taps = {}
		taps_session = Session:path ()
		local f = io.open (registry_file (), "r")
		if not f then return end
		for line in f:lines () do
			local s, r, b, flag = line:match ("^(%S+) (%S+) (%S+) ?(%S*)$")
			if s then taps[s] = { route = r, before = b, own = flag == "own-panner" } end
		end
		f:close ()
	end

	local function save_taps ()
		local f = io.open (registry_file (), "w")
		if not f then return end
		for s, t in pairs (taps) do
			f:write (s .. " " .. t.route .. " " .. t.before .. (t.own and " own-panner" or "") .. "\n")
		end
		f:close ()
	end

	local function processors (route)
		local list = {}
		local i = 0
		while true do
			local p = route:nth_processor (i)
			if p:isnil () then break end
			list[#list + 1] = p
			i = i + 1
		end
		return list
	end

	local function stage_ids (route)
		local trim, amp, mo = route:trim (), route:amp (), route:main_outs ()
		return {
			trim = (trim and not trim:isnil ()) and sid (trim) or "",
			amp = (amp and not amp:isnil ()) and sid (amp) or "",
			mo = (mo and not mo:isnil ()) and sid (mo) or "",
		}
	end

	-- What gainstage calls a processor: trim, plugin, send, fader, output; nil for the others (disk
	-- reader, polarity, meter, ...) and for the bridge's own taps.
	local function stage_kind (p, id, ids)
		if taps[id] then return nil end
		if id == ids.trim then return "trim" end
		if id == ids.amp then return "fader" end
		if id == ids.mo then return "output" end
		if not p:to_plugininsert ():isnil () then return "plugin" end
		if not p:to_send ():isnil () then return "send" end
		return nil
	end

	-- The stages of a route, in chain order, with the kind gainstage gives them.
	local function stages (route)
		local ids = stage_ids (route)
		local out = {}
		for _, p in ipairs (processors (route)) do
			local id = sid (p)
			local kind = stage_kind (p, id, ids)
			if kind then out[#out + 1] = { p = p, id = id, kind = kind } end
		end
		return out
	end

	local function remove_tap (route, p)
		route:remove_processor (p, nil, true)
	end

	-- A new tap send right before stage processor p. A send made while Ardour's "link send and route panner"
	-- preference is on (its default) shares the route's panner, and a stereo stage would be read with the
	-- user's panning applied (a track panned hard left reads nothing on its right channel). Made with the
	-- preference off, the send gets a panner of its own at its default, centre, which passes a stereo signal
	-- unchanged (Ardour's Lua reaches neither a send's panner nor its link). The send has one port per channel
	-- of the stage's input, so a mono stage's tap has no panner at all. The preference is the user's: it is
	-- put back at once.
	local function new_tap (route, p)
		local config = ARDOUR.config ()
		local linked = config:get_link_send_and_route_panner ()
		if linked then config:set_link_send_and_route_panner (false) end
		local ok, s = pcall (function () return ARDOUR.LuaAPI.new_send (Session, route, p) end)
		if linked then config:set_link_send_and_route_panner (true) end
		if ok and s and not s:isnil () then return s end
		return nil
	end

	-- A tap carries its stage's channels as they are: a panner of its own, and one port per channel (a stage
	-- whose channel count changed since, a plugin replaced say, gets a new tap).
	local function tap_fits (p, t, stage)
		if not t.own or not stage then return false end
		return p:to_send ():output ():n_ports ():n_audio () == stage:input_streams ():n_audio ()
	end

	-- Makes sure exactly one tap send sits right before every stage but Trim. Ardour pins Polarity and
	-- Trim at the head of the chain: a send asked for before Trim lands right after it, so the source is
	-- read after Trim and the adapter divides Trim's gain out. Processors that do not change the signal
	-- (a post-fader meter, say) may sit between a tap and its stage. Taps of an older bridge (sharing the
	-- route's panner) are replaced, once.
	local function place_taps (route)
		local rid = sid (route)
		local ids = stage_ids (route)
		local changed = false
		local list = processors (route)
		local seen = {}
		for i, p in ipairs (list) do
			local id = sid (p)
			local t = taps[id]
			if t then
				local nxt, stage = nil, nil
				for j = i + 1, #list do
					local q = list[j]
					if stage_kind (q, sid (q), ids) then nxt, stage = sid (q), q break end
				end
				if t.route == rid and nxt == t.before and not seen[t.before] and tap_fits (p, t, stage) then
					seen[t.before] = id
				else
					remove_tap (route, p)
					changed = true
				end
			end
		end
		for _, st in ipairs (stages (route)) do
			if st.kind ~= "trim" and not seen[st.id] and st.p:input_streams ():n_audio () > 0 then
				local s = new_tap (route, st.p)
				if s then
					taps[sid (s)] = { route = rid, before = st.id, own = true }
					seen[st.id] = sid (s)
					changed = true
				end
			end
		end
		-- a tap must read what the stage reads: unity gain
		for _, send_id in pairs (seen) do
			local p = Session:processor_by_id (PBD.ID (send_id))
			if p and not p:isnil () then
				local g = p:to_send ():gain_control ()
				if g:get_value () ~= 1 then g:set_value (1, PBD.GroupControlDisposition.NoGroup) end
			end
		end
		return changed, seen
	end

	local function remove_all_taps ()
		if not taps then return end
		local removed = 0
		for r in Session:get_routes ():iter () do
			local rid = sid (r)
			for _, p in ipairs (processors (r)) do
				local id = sid (p)
				if taps[id] and taps[id].route == rid then
					remove_tap (r, p)
					removed = removed + 1
				end
			end
		end
		if removed > 0 then save_taps () end
	end

	local function ports (io)
		local names = {}
		if not io or io:isnil () then return "" end
		local n = io:n_ports ():n_audio ()
		for c = 0, n - 1 do names[#names + 1] = clean (io:audio (c):name ()) end
		return table.concat (names, ",")
	end

	-- Ardour 8's Surround Master (7.x has no such method: the call fails there)
	local function is_surround_master (r)
		local ok, yes = pcall (function () return r:is_surround_master () end)
		return ok and yes
	end

	local function route_kind (r)
		if r:is_master () then return "master" end
		if is_surround_master (r) then return "surround" end
		if r:is_monitor () then return "monitor" end
		local t = r:to_track ()
		if not t:isnil () then
			if r:data_type ():to_string () == "midi" then return "miditrack" end
			return "track"
		end
		return "bus"
	end

	-- The words the adapter names in its file, lower case ("makeup,output,..."): a label with one is reported.
	local function control_words (a)
		local words = {}
		for w in (a.control_words or ""):gmatch ("[^,]+") do words[#words + 1] = w end
		return words
	end

	local function has_word (label, words)
		local l = label:lower ()
		for _, w in ipairs (words) do
			if l:find (w, 1, true) then return true end
		end
		return false
	end

	local function plugin_controls (pid, pi, lines, words)
		local plug = pi:plugin (0)
		local c = 0
		for j = 0, plug:parameter_count () - 1 do
			if plug:parameter_is_control (j) then
				c = c + 1
				if plug:parameter_is_input (j) then
					local label = plug:parameter_label (j)
					if has_word (label, words) then
						local _, pd = plug:get_parameter_descriptor (j, ARDOUR.ParameterDescriptor ())
						local v = ARDOUR.LuaAPI.get_processor_param (pi, c - 1)
						lines[#lines + 1] = table.concat ({ "C", pid, c, clean (label), v, pd[2].lower, pd[2].upper }, "\t")
					end
				end
			end
		end
	end

	local function describe (route, seen, inputs, words)
		local lines = {}
		local rid = sid (route)
		local feeds = {}
		local outs = route:output ()
		local nout = outs:n_ports ():n_audio ()
		for other, ins in pairs (inputs) do
			if other ~= rid then
				local hit = false
				for c = 0, nout - 1 do
					local port = outs:audio (c)
					for _, name in ipairs (ins) do
						if port:connected_to (name) then hit = true end
					end
				end
				if hit then feeds[#feeds + 1] = other end
			end
		end
		table.sort (feeds)
		local peak = -1000
		local meter = route:peak_meter ()
		if meter and not meter:isnil () then
			for c = 0, math.max (route:n_outputs ():n_audio (), route:n_inputs ():n_audio ()) - 1 do
				local v = meter:meter_level (c, ARDOUR.MeterType.MeterMaxPeak)
				if v and v > peak then peak = v end
			end
		end
		lines[#lines + 1] = table.concat ({ "R", rid, clean (route:name ()), route_kind (route),
			route:active () and 1 or 0, route:n_inputs ():n_audio (), table.concat (feeds, ","),
			string.format ("%.3f", peak), ports (outs) }, "\t")
		for _, st in ipairs (stages (route)) do
			local p = st.p
			local uri, name, active, gain, target, category = "", clean (p:display_name ()), p:active (), "", "", ""
			if st.kind == "plugin" then
				local pi = p:to_plugininsert ()
				local info = pi:plugin (0):get_info ()
				uri = clean (info.unique_id)
				category = clean (info.category)
				name = clean (pi:plugin (0):name ())
				active = pi:enabled ()
				plugin_controls (st.id, pi, lines, words)
			elseif st.kind == "trim" then
				gain = route:trim_control ():get_value ()
			elseif st.kind == "fader" then
				gain = route:gain_control ():get_value ()
			elseif st.kind == "send" then
				local s = p:to_send ()
				gain = s:gain_control ():get_value ()
				local is = p:to_internalsend ()
				if not is:isnil () then target = sid (is:target_route ()) end
			end
			local tap = ""
			if seen[st.id] then
				local tp = Session:processor_by_id (PBD.ID (seen[st.id]))
				if tp and not tp:isnil () then tap = ports (tp:to_send ():output ()) end
			end
			lines[#lines + 1] = table.concat ({ "P", st.id, st.kind, name, uri, active and 1 or 0,
				tostring (gain), tap, target, category }, "\t")
		end
		return table.concat (lines, "\n")
	end

	local function tick ()
		local a = read_adapter ()
		if not Session then return end
		load_taps ()
		if not a then
			-- the adapter is gone: leave the session as the user made it
			remove_all_taps ()
			return
		end
		if a.port ~= last_port or not tx then
			tx = ARDOUR.LuaOSC.Address ("osc.udp://127.0.0.1:" .. a.port)
			last_port = a.port
		end
		local routes = {}
		local inputs = {}
		for r in Session:get_routes ():iter () do
			if not r:is_auditioner () and not r:is_monitor () and r:active () then
				routes[#routes + 1] = r
				local names = {}
				local ins = r:input ()
				for c = 0, ins:n_ports ():n_audio () - 1 do names[#names + 1] = ins:audio (c):name () end
				inputs[sid (r)] = names
			end
		end
		local dirty = false
		local seen_by_route = {}
		for _, r in ipairs (routes) do
			local changed, seen = place_taps (r)
			dirty = dirty or changed
			seen_by_route[sid (r)] = seen
		end
		if dirty then save_taps () end
		local words = control_words (a)
		frame = frame + 1
		tx:send ("/gainstage/frame", "issiids", frame, Session:path (), Session:name (), #routes,
			Session:transport_rolling () and 1 or 0, Session:transport_sample (), tostring (ARDOUR.revision))
		for i, r in ipairs (routes) do
			tx:send ("/gainstage/route", "iis", frame, i - 1, describe (r, seen_by_route[sid (r)], inputs, words))
		end
		tx:send ("/gainstage/end", "i", frame)
	end

	return function (signal)
		if signal == "gainstage-exit" then
			if Session then load_taps (); remove_all_taps () end
			return
		end
		if LuaSignal and signal == LuaSignal.LuaTimerDS then
			-- every other deci-second timer tick: 200 ms in the GUI
			ticks = ticks + 1
			if ticks % 2 ~= 0 then return end
		end
		if LuaSignal and signal == LuaSignal.SetSession then
			taps = nil
		end
		tick ()
	end
end
