-- A document that came from a picture (a REFI-QDA PictureSource, JPEG or PNG) is coded as the
-- one-page PDF made of it; the picture itself is kept here, so that an export gives it back as a
-- PictureSource with the original bytes (a PDF re-encodes nothing of a JPEG, but a PNG's pixels
-- are recompressed and its metadata dropped, so extracting it again would not be the same file).
-- width and height: the picture's pixels as shown (EXIF orientation applied), in which the
-- standard counts a PictureSelection. Deleting the document deletes its picture.
CREATE TABLE document_pictures (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  media_type  TEXT NOT NULL,
  width       INTEGER NOT NULL,
  height      INTEGER NOT NULL,
  bytes       BLOB NOT NULL
);
