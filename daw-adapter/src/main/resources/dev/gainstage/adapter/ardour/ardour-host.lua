-- Headless Ardour for gainstage: ardour7-lua ardour-host.lua SESSION_DIR STATE BRIDGE.lua SECONDS LOOP
-- Loads the session on JACK, runs the gainstage bridge every 250 ms, rolls (and optionally loops) the
-- transport, and executes the Lua files dropped into <control dir>/host-commands (tests use this to
-- change the session while it rolls). SECONDS <= 0 runs until the file <control dir>/host-stop exists
-- or the process is terminated. Taps are removed before the session closes; the session is not saved.
local session_dir, state, bridge, seconds, loop = arg[1], arg[2], arg[3], tonumber (arg[4] or "0"), arg[5] == "1"

local dir = os.getenv ("GAINSTAGE_ARDOUR_DIR")
if not dir or dir == "" then
	dir = (os.getenv ("HOME") or "/tmp") .. "/.cache/gainstage/ardour"
end

if not AudioEngine:set_backend ("JACK", "", "") then
	print ("gainstage ardour-host: cannot use the JACK backend (is jackd running?)")
	quit ()
	return
end
local s = load_session (session_dir, state)
if not s then
	print ("gainstage ardour-host: cannot load session " .. session_dir .. " (" .. state .. ")")
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
			if not ok then print ("gainstage ardour-host: " .. name .. ": " .. tostring (res)) end
		end
	end
	p:close ()
end

local stop_file = dir .. "/host-stop"
os.remove (stop_file)
local play_end = session_end ()
print (string.format ("gainstage ardour-host: session %s loaded (%d routes, %.1f s of audio), rolling%s",
	Session:name (), Session:get_routes ():size (), play_end / Session:nominal_sample_rate (), loop and ", looping" or ""))
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
print ("gainstage ardour-host: done")
close_session ()
quit ()
