-- Creates gainstage's Ardour demo session headlessly: ardourN-lua make-demo-session.lua DIR NAME [SECONDS]
-- (Ardour 7.3 to 9.x). Needs a running JACK server. Every track carries known audio: a sine recorded from a SinGen bus
-- (Lua cannot import files headlessly, so the tones are recorded through Ardour itself; the generator
-- buses are deactivated afterwards and take no part in the mix).
--   Vox   mono,   440 Hz at -12 dBFS peak  -> ACE Amplifier +15 dB (output +3 dBFS: hot) -> fader -10 dB -> Music
--   Gtr   stereo, 1 kHz at -14 dBFS peak  -> ACE Compressor (threshold 0 dB, makeup +6 dB)          -> Music
--   Keys  stereo, left 220 Hz at -18 dBFS peak, right 330 Hz at -24 dBFS (clean)                      -> Master
--   Music stereo bus -> Master
local dir, name, seconds = arg[1], arg[2], tonumber (arg[3] or "12")

local function say (line)
	print (line)
	io.stdout:flush ()
end

-- "JACK" up to 8.6, "JACK/Pipewire" from 8.7; an unknown name leaves Ardour silently on another backend.
local jack, names = nil, {}
for b in AudioEngine:available_backends ():iter () do
	names[#names + 1] = '"' .. b.name .. '"'
	if not jack and b.name:match ("^JACK") then jack = b.name end
end
if not jack or AudioEngine:set_backend (jack, "", ""):isnil () or AudioEngine:current_backend_name () ~= jack then
	say ("make-demo-session: Ardour " .. ARDOUR.revision .. " cannot use a JACK backend (its backends: "
		.. (#names > 0 and table.concat (names, ", ") or "none") .. ")")
	quit ()
	return
end
local s = create_session (dir, name, 48000)
if not s or not AudioEngine:running () then
	say ("make-demo-session: cannot create " .. dir .. " on Ardour " .. ARDOUR.revision .. "'s " .. jack
		.. " backend (is the JACK server running?)")
	quit ()
	return
end

local function db (v) return ARDOUR.DSP.dB_to_coefficient (v) end
local nogroup = PBD.GroupControlDisposition.NoGroup
local order = ARDOUR.PresentationInfo.max_order

-- The route group of a new route: Ardour 9 crashes on nil and wants an empty ARDOUR.RouteGroup (); 7 and 8
-- cannot construct one from Lua and take nil.
local function no_group ()
	local ok, g = pcall (function () return ARDOUR.RouteGroup () end)
	if ok then return g end
	return nil
end

local function track (tname, channels)
	local tl = Session:new_audio_track (channels, 2, no_group (), 1, tname, order, ARDOUR.TrackMode.Normal, true)
	return tl:front ()
end

local function bus (bname, channels)
	local rl = Session:new_audio_route (channels, channels, no_group (), 1, bname, ARDOUR.PresentationInfo.Flag.AudioBus,
		order)
	return rl:front ()
end

local function feed (from, to)
	from:output ():disconnect_all (nil)
	local n = from:output ():n_ports ():n_audio ()
	for c = 0, n - 1 do
		local dst = to:input ():audio (math.min (c, to:input ():n_ports ():n_audio () - 1))
		from:output ():audio (c):connect (dst:name ())
	end
end

local vox = track ("Vox", 1)
local gtr = track ("Gtr", 2)
local keys = track ("Keys", 2)
local music = bus ("Music", 2)

local amp = ARDOUR.LuaAPI.new_luaproc (Session, "ACE Amplifier")
vox:add_processor_by_index (amp, 0, nil, true)
ARDOUR.LuaAPI.set_processor_param (amp, 0, 15)
vox:gain_control ():set_value (db (-10), nogroup)

local comp = ARDOUR.LuaAPI.new_plugin (Session, "urn:ardour:a-comp", ARDOUR.PluginType.LV2, "")
gtr:add_processor_by_index (comp, 0, nil, true)
ARDOUR.LuaAPI.set_processor_param (comp, 4, 0)  -- threshold 0 dB: a -14 dBFS tone is not compressed
ARDOUR.LuaAPI.set_processor_param (comp, 5, 6)  -- makeup +6 dB

feed (vox, music)
feed (gtr, music)
-- Said outright, not left to Ardour's auto-connect: Ardour 8.12 connects a new route's outputs to the master only
-- when the graph has physical ports (a headless PipeWire, or jackd -d dummy -P 0, has none).
feed (keys, Session:master_out ())
feed (music, Session:master_out ())

-- the tones, recorded through SinGen buses: { track, Hz, dBFS, generator channels, the track's input (all when
-- nil) }. Keys gets a different tone on each side: a tap that swaps, sums or drops a channel shows.
local tones = { { vox, 440, -12, 1 }, { gtr, 1000, -14, 2 }, { keys, 220, -18, 1, 0 }, { keys, 330, -24, 1, 1 } }
for _, t in ipairs ({ vox, gtr, keys }) do
	t:input ():disconnect_all (nil)
	t:rec_enable_control ():set_value (1, nogroup)
end
local gens = {}
for i, t in ipairs (tones) do
	local g = bus ("gs-gen " .. i .. " " .. t[1]:name (), t[4])
	local sg = ARDOUR.LuaAPI.new_luaproc (Session, "SinGen")
	g:add_processor_by_index (sg, 0, nil, true)
	ARDOUR.LuaAPI.set_processor_param (sg, 0, t[2])
	ARDOUR.LuaAPI.set_processor_param (sg, 1, t[3])
	if t[5] then
		g:output ():disconnect_all (nil)
		g:output ():audio (0):connect (t[1]:input ():audio (t[5]):name ())
	else
		feed (g, t[1])
	end
	gens[#gens + 1] = g
end

sleep (1.5) -- let the generators' parameter smoothing settle
Session:maybe_enable_record (false)
Session:request_roll (ARDOUR.TransportRequestSource.TRS_UI)
sleep (seconds)
Session:request_stop (false, false, ARDOUR.TransportRequestSource.TRS_UI)
sleep (1.5)
Session:disable_record (false, false)
for _, t in ipairs ({ vox, gtr, keys }) do
	t:rec_enable_control ():set_value (0, nogroup)
	t:input ():disconnect_all (nil)
end
for _, g in ipairs (gens) do
	g:output ():disconnect_all (nil)
	g:set_active (false, nil)
end
Session:goto_start (false)
Session:save_state ("", false, false, false, false, false)
say ("make-demo-session: created " .. Session:path () .. " with Ardour " .. ARDOUR.revision)
close_session ()
quit ()
