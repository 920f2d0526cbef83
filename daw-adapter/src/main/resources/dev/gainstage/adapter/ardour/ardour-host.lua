-- Headless Ardour for gainstage: ardourN-lua ardour-host.lua SESSION_DIR STATE BRIDGE.lua SECONDS LOOP
-- (ardour7-lua, ardour8-lua or ardour9-lua: one script for Ardour 7.3 to 9.x).
-- Loads the session on JACK, runs the gainstage bridge every 250 ms, rolls (and optionally loops) the
-- transport, and executes the Lua files dropped into <control dir>/host-commands (tests use this to
-- change the session while it rolls). SECONDS <= 0 runs until the file <control dir>/host-stop exists
-- or the process is terminated. Taps are removed before the session closes; the session is not saved.
local session_dir, state, bridge, seconds, loop = arg[1], arg[2], arg[3], tonumber (arg[4] or "0"), arg[5] == "1"

local dir = os.getenv ("GAINSTAGE_ARDOUR_DIR")
if not dir or dir == "" then
	dir = (os.getenv ("HOME") or "/tmp") .. "/.cache/gainstage/ardour"
end

-- Ardour's output to a pipe is block-buffered: every line is flushed so the caller sees it when it is said
-- (9.x can abort at exit, "FATAL: exception not rethrown", and would lose what was still buffered).
local function say (line)
	print (line)
	io.stdout:flush ()
end

-- The JACK backend is "JACK" up to 8.6 and "JACK/Pipewire" from 8.7. Asking for a name Ardour does not have
-- returns a nil backend (true to Lua) and leaves Ardour on another one, where no tap port ever appears:
-- so the name comes from the backends Ardour has, and anything but JACK fails loudly.
local function use_jack ()
	local names, jack = {}, nil
	for b in AudioEngine:available_backends ():iter () do
		names[#names + 1] = '"' .. b.name .. '"'
		if not jack and b.name:match ("^JACK") then jack = b.name end
	end
	local found = #names > 0 and table.concat (names, ", ") or "none"
	if not jack then
		return nil, "Ardour " .. ARDOUR.revision .. " has no JACK backend (its backends: " .. found .. ")"
	end
	if AudioEngine:set_backend (jack, "", ""):isnil () or AudioEngine:current_backend_name () ~= jack then
		return nil, "Ardour " .. ARDOUR.revision .. " could not select its backend \"" .. jack .. "\" (its backends: "
			.. found .. ")"
	end
	return jack
end

local backend, problem = use_jack ()
if not backend then
	say ("gainstage ardour-host: " .. problem)
	quit ()
	return
end
local s = load_session (session_dir, state)
if not s then
	say ("gainstage ardour-host: cannot load session " .. session_dir .. " (" .. state .. ") on Ardour "
		.. ARDOUR.revision .. "'s " .. backend .. " backend (is the JACK server running?)")
	quit ()
	return
end
if AudioEngine:current_backend_name () ~= backend or not AudioEngine:running () then
	say ("gainstage ardour-host: Ardour's audio engine is not running on " .. backend .. " (it is on \""
		.. AudioEngine:current_backend_name () .. "\")")
	close_session ()
	quit ()
	return
end

-- The bridge is an EditorHook script; outside the GUI there are no signals, so it is polled.
function ardour (t) end
dofile (bridge)
local callback = factory ({})

local function session_end ()
	-- the end of the last region on any playlist: what there is to play
	local last = 0
	for t in Session:get_tracks ():iter () do
		for region in t:to_track ():playlist ():region_list ():iter () do
			local e = region:position ():samples () + region:length ():samples ()
			if e > last then last = e end
		end
	end
	return last
end

local function file_exists (path)
	local f = io.open (path, "r")
	if f then f:close () return true end
	return false
end

local function run_commands ()
	local p = io.popen ('ls -1 "' .. dir .. '/host-commands" 2>/dev/null')
	if not p then return end
	for name in p:lines () do
		if name:match ("%.lua$") then
			local path = dir .. "/host-commands/" .. name
			local chunk, err = loadfile (path)
			local ok, res = false, err
			if chunk then ok, res = pcall (chunk) end
			os.rename (path, path .. (ok and ".done" or ".failed"))
			if not ok then say ("gainstage ardour-host: " .. name .. ": " .. tostring (res)) end
		end
	end
	p:close ()
end

local stop_file = dir .. "/host-stop"
os.remove (stop_file)
local play_end = session_end ()
-- get_routes () is a ConstRouteListPtr from 8.0, whose size () Lua cannot call: count by iterating
local routes = 0
for _ in Session:get_routes ():iter () do routes = routes + 1 end
say (string.format ("gainstage ardour-host: session %s loaded (%d routes, %.1f s of audio) on Ardour %s (%s), rolling%s",
	Session:name (), routes, play_end / Session:nominal_sample_rate (), ARDOUR.revision, backend,
	loop and ", looping" or ""))
Session:goto_start (false)
Session:request_roll (ARDOUR.TransportRequestSource.TRS_UI)

local elapsed = 0
while seconds <= 0 or elapsed < seconds do
	if file_exists (stop_file) then break end
	callback (nil)
	run_commands ()
	if loop and play_end > 0 and Session:transport_sample () >= play_end then
		Session:request_locate (0, false, ARDOUR.LocateTransportDisposition.MustRoll, ARDOUR.TransportRequestSource.TRS_UI)
	end
	if not Session:transport_rolling () and (loop or Session:transport_sample () < play_end) then
		Session:request_roll (ARDOUR.TransportRequestSource.TRS_UI)
	end
	sleep (0.25)
	elapsed = elapsed + 0.25
end

Session:request_stop (false, false, ARDOUR.TransportRequestSource.TRS_UI)
callback ("gainstage-exit")
sleep (0.3)
say ("gainstage ardour-host: done")
close_session ()
quit ()
